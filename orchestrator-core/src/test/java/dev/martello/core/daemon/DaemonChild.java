package dev.martello.core.daemon;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.queue.RunRequest;
import dev.martello.core.runs.Run;
import dev.martello.core.schedule.PeriodicTask;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code martello serve} in a child JVM: {@code submit DIR} starts the daemon and queues {@code slow/s} (the test
 * kills it mid-run); {@code resume DIR} starts it again and prints {@code RUN id status trigger} for each run once
 * none is queued or started. Both print {@code TICK instant} for each tick of the periodic task {@code tick} they run.
 */
public final class DaemonChild {
    private DaemonChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        DaemonSettings settings = DaemonSettings.defaults().withGrace(Duration.ofSeconds(5))
            .withRuntime(RuntimeSettings.defaults().withEnvironment(n -> System.getenv(n)))
            .withTasks(q -> List.of(PeriodicTask.of("tick", Duration.ofSeconds(1), at -> {
                System.out.println("TICK " + at);
                System.out.flush();
            })));
        try (Daemon daemon = Daemon.start(List.of(dir), settings)) {
            if (!daemon.broken().isEmpty()) {
                throw daemon.broken().getFirst();
            }
            HostedWorkspace ws = daemon.workspaces().getFirst();
            if (args[0].equals("submit")) {
                Run run = daemon.queue().submit(RunRequest.of(ws.name(), "slow/s", PartitionChoice.latest(), "manual"));
                System.out.println("SUBMITTED " + run.id());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            while (ws.runtime().store().runs(100).stream().anyMatch(r -> !r.status().isTerminal())) {
                Thread.sleep(50);
            }
            for (Run r : ws.runtime().store().runs(100)) {
                System.out.flush();
                System.out.println("RUN " + r.id() + " " + r.status() + " " + r.trigger());
            }
            System.out.flush();
        }
    }
}
