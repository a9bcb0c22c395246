package dev.martello.dsl;

import java.time.ZoneId;

/**
 * When the scheduler materializes an asset without anyone asking.
 *
 * <p>{@code .automation(AutomationPolicy.eager())}, {@code .automation(AutomationPolicy.onCron("0 6 * * *", "UTC"))}
 */
public sealed interface AutomationPolicy {

    /** Run when an upstream updated since the last run and no upstream is missing or in progress. */
    record Eager() implements AutomationPolicy {
        @Override public String describe() { return "eager"; }
    }

    /** After a tick of the 5-field Unix cron, once every upstream has updated since that tick. */
    record OnCron(String cron, ZoneId zone) implements AutomationPolicy {
        @Override public String describe() { return "on cron '" + cron + "' " + zone.getId(); }
    }

    /** Run when the asset (or one of its partitions) has never been materialized. */
    record OnMissing() implements AutomationPolicy {
        @Override public String describe() { return "on missing"; }
    }

    String describe();

    static AutomationPolicy eager() {
        return new Eager();
    }

    static AutomationPolicy onCron(String cron, String zone) {
        return new OnCron(cron, ZoneId.of(zone));
    }

    static AutomationPolicy onMissing() {
        return new OnMissing();
    }
}
