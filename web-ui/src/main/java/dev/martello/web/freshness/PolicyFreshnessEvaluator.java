package dev.martello.web.freshness;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.martello.dsl.Durations;
import dev.martello.dsl.FreshnessPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Freshness from the policy and the latest materialization alone. A maximum lag fails once the last
 * materialization is older than the lag (warns past {@code warnAfter}); a cron deadline fails when, at its latest
 * tick, the asset has not been materialized since the tick before (it was due by that tick). An asset never
 * materialized fails, late since ever.
 */
public final class PolicyFreshnessEvaluator implements FreshnessEvaluator {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private final Map<String, ExecutionTime> crons = new ConcurrentHashMap<>();

    @Override
    public Freshness evaluate(FreshnessPolicy policy, Instant lastMaterialized, Instant now) {
        if (policy == null) {
            return new Freshness(FreshnessState.UNKNOWN, null, "no freshness policy");
        }
        if (lastMaterialized == null) {
            return new Freshness(FreshnessState.FAIL, null, "never materialized; the policy asks for it "
                + policy.describe());
        }
        return switch (policy) {
            case FreshnessPolicy.MaxLag lag -> maxLag(lag, lastMaterialized, now);
            case FreshnessPolicy.CronDeadline cron -> deadline(cron, lastMaterialized, now);
        };
    }

    private static Freshness maxLag(FreshnessPolicy.MaxLag policy, Instant last, Instant now) {
        Duration age = Duration.between(last, now);
        String ago = "last materialized " + Durations.format(age.isNegative() ? Duration.ZERO : age) + " ago";
        if (age.compareTo(policy.maxLag()) > 0) {
            return new Freshness(FreshnessState.FAIL, last.plus(policy.maxLag()), ago + "; the policy allows "
                + Durations.format(policy.maxLag()));
        }
        if (policy.warnAfter() != null && age.compareTo(policy.warnAfter()) > 0) {
            return new Freshness(FreshnessState.WARN, last.plus(policy.warnAfter()), ago + "; warns after "
                + Durations.format(policy.warnAfter()) + ", fails after " + Durations.format(policy.maxLag()));
        }
        return new Freshness(FreshnessState.PASS, null, ago + "; within " + Durations.format(policy.maxLag()));
    }

    private Freshness deadline(FreshnessPolicy.CronDeadline policy, Instant last, Instant now) {
        ExecutionTime times = crons.computeIfAbsent(policy.cron(), c -> ExecutionTime.forCron(UNIX.parse(c)));
        ZonedDateTime at = now.atZone(policy.zone());
        Optional<ZonedDateTime> tick = times.lastExecution(at.plusNanos(1));
        Optional<ZonedDateTime> previous = tick.flatMap(times::lastExecution);
        if (previous.isEmpty()) {
            return new Freshness(FreshnessState.PASS, null, "no deadline has passed yet");
        }
        if (last.isBefore(previous.get().toInstant())) {
            return new Freshness(FreshnessState.FAIL, tick.get().toInstant(), "not materialized since "
                + previous.get() + "; it was due by " + tick.get());
        }
        return new Freshness(FreshnessState.PASS, null, "materialized in time for the deadline " + tick.get());
    }
}
