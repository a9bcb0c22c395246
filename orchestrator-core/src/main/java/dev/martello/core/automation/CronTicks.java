package dev.martello.core.automation;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The ticks of a 5-field Unix cron in a time zone (parsed by cron-utils; the graph validator has already checked
 * it), for automation's {@code onCron} and freshness's cron deadlines.
 */
public final class CronTicks {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExecutionTime execution;
    private final ZoneId zone;

    public CronTicks(String cron, ZoneId zone) {
        this.execution = ExecutionTime.forCron(UNIX.parse(cron));
        this.zone = zone;
    }

    /** The latest tick at or before {@code now}, or null when there is none. */
    public Instant lastAtOrBefore(Instant now) {
        ZonedDateTime z = now.atZone(zone);
        if (execution.isMatch(z) && z.getSecond() == 0 && z.getNano() == 0) {
            return now;
        }
        return execution.lastExecution(z).map(ZonedDateTime::toInstant).orElse(null);
    }

    /** The first tick strictly after {@code now}, or null when there is none. */
    public Instant nextAfter(Instant now) {
        return execution.nextExecution(now.atZone(zone)).map(ZonedDateTime::toInstant).orElse(null);
    }
}
