package dev.martello.core.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Work the daemon does on an interval for one workspace (an automation evaluation tick, a source observation, a
 * freshness check, launching backfill chunks). The daemon schedules it through the job store, so in a cluster each
 * tick runs on one node only, and never two ticks of one task at once; a tick missed while no node ran is skipped.
 *
 * <p>{@code PeriodicTask.of("automation", Duration.ofSeconds(30), now -> evaluator.tick(now).forEach(queue::submit))}
 */
public interface PeriodicTask {

    /** Unique within the workspace; names the job in the job store. */
    String name();

    Duration interval();

    /** One tick; {@code now} is the tick's scheduled time. A throw is logged and the next tick comes as usual. */
    void run(Instant now) throws Exception;

    static PeriodicTask of(String name, Duration interval, Tick tick) {
        return new PeriodicTask() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public void run(Instant now) throws Exception {
                tick.run(now);
            }
        };
    }

    /** The body of a task made by {@link #of}. */
    @FunctionalInterface
    interface Tick {
        void run(Instant now) throws Exception;
    }
}
