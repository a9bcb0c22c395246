package dev.martello.core.daemon;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.schedule.PeriodicTask;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a {@link Daemon} runs: the runtime settings of every workspace (one node id for the process), the grace period
 * running runs get on shutdown, and the periodic tasks other features add per workspace (automation ticks, source
 * observation, freshness), each given that workspace's queue.
 *
 * <p>{@code DaemonSettings.defaults().withTasks(queue -> List.of(PeriodicTask.of("automation", …)))}
 */
public record DaemonSettings(RuntimeSettings runtime, Duration grace,
                             Function<WorkspaceQueue, List<PeriodicTask>> tasks) {
    public DaemonSettings {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(grace, "grace");
        tasks = tasks == null ? q -> List.of() : tasks;
    }

    public static DaemonSettings defaults() {
        return new DaemonSettings(RuntimeSettings.defaults(), Duration.ofSeconds(30), null);
    }

    public DaemonSettings withRuntime(RuntimeSettings value) {
        return new DaemonSettings(value, grace, tasks);
    }

    public DaemonSettings withGrace(Duration value) {
        return new DaemonSettings(runtime, value, tasks);
    }

    public DaemonSettings withTasks(Function<WorkspaceQueue, List<PeriodicTask>> value) {
        return new DaemonSettings(runtime, grace, value);
    }
}
