package dev.martello.dsl;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How fresh an asset must be: a maximum lag since its last materialization, or a cron deadline by which it must
 * have been materialized.
 *
 * <p>{@code .freshWithin(Duration.ofHours(2))}, {@code .freshBy("0 7 * * *", "Europe/Berlin")}
 */
public sealed interface FreshnessPolicy {

    /** FAIL once the last materialization is older than {@code maxLag}; WARN past {@code warnAfter} (if set). */
    record MaxLag(Duration maxLag, Duration warnAfter) implements FreshnessPolicy {
        @Override
        public String describe() {
            return "within " + Durations.format(maxLag);
        }
    }

    /**
     * FAIL when, after a tick of the 5-field Unix {@code cron} in {@code zone}, the asset has not been materialized
     * since the previous tick; the cron is checked when the workspace loads.
     */
    record CronDeadline(String cron, ZoneId zone) implements FreshnessPolicy {
        @Override
        public String describe() {
            return "by cron '" + cron + "' " + zone.getId();
        }
    }

    /** One line for listings, e.g. {@code within 2h}. */
    String describe();
}
