package dev.martello.core.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.cronutils.mapper.CronMapper;

/**
 * Cron expressions for Quartz: Unix five-field crons ({@code 0 3 * * *}) are converted, Quartz ones (six or seven
 * fields, seconds first) are checked and kept.
 */
public final class Crons {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser QUARTZ =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private Crons() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the expression */
    public static String toQuartz(String cron) {
        String trimmed = cron.trim();
        int fields = trimmed.split("\\s+").length;
        if (fields == 5) {
            return CronMapper.fromUnixToQuartz().map(UNIX.parse(trimmed)).asString();
        }
        if (fields == 6 || fields == 7) {
            return QUARTZ.parse(trimmed).asString();
        }
        throw new IllegalArgumentException("'" + cron + "' has " + fields + " fields; use a Unix cron (5 fields, e.g."
            + " \"0 3 * * *\") or a Quartz cron (6 or 7, seconds first, e.g. \"0 0 3 * * ?\").");
    }
}
