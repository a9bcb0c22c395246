package dev.martello.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * One schedule as the daemon runs it: its definition from {@code workspace.yaml} (cron as written, time zone,
 * selection, partition, priority), whether an operator paused it, when it ticks next (null while paused) and when it
 * last ticked (null before its first tick in this job store).
 */
public record ScheduleState(String name, String cron, String timezone, String selection, String partition,
                            int priority, boolean paused, Instant nextTick, Instant lastTick) {
    public ScheduleState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(selection, "selection");
    }
}
