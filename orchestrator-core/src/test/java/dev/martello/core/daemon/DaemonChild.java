package dev.martello.core.daemon;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.queue.RunRequest;
import dev.martello.core.runs.Run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code martello serve} in a child JVM: {@code submit DIR} starts the daemon and queues {@code slow/s} (the test
 * kills it mid-run); {@code resume DIR} starts it again and prints {@code RUN id status trigger} for each run once
 * none is queued or started.
 */
public final class DaemonChild {
    private DaemonChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (Daemon daemon = Daemon.start(List.of(dir), DaemonSettings.defaults().withGrace(Duration.ofSeconds(5)))) {
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
                System.out.println("RUN " + r.id() + " " + r.status() + " " + r.trigger());
            }
            System.out.flush();
        }
    }
}
