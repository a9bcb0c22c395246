package dev.martello.cli;

import dev.martello.core.daemon.AutomationTasks;
import dev.martello.core.daemon.Daemon;
import dev.martello.core.daemon.DaemonSettings;
import dev.martello.core.daemon.HostedWorkspace;
import dev.martello.core.daemon.WorkspaceLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code martello serve}: the daemon. Runs each workspace's schedules, queue and backfills until stopped; Ctrl-C or
 * SIGTERM stops gracefully. A workspace whose {@code workspace.yaml} changes is reloaded.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the schedules, declarative automation, freshness checks, run queue and backfills of one or more"
        + " workspaces until stopped.")
final class ServeCommand implements Callable<Integer> {
    static final Duration WATCH = Duration.ofSeconds(2);

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", required = true,
        description = "A workspace folder holding workspace.yaml; repeat for several.")
    List<Path> dirs;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "30",
        description = "On shutdown, how long running runs may go on before they are canceled (default: 30).")
    long graceSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DaemonSettings settings = DaemonSettings.defaults().withGrace(Duration.ofSeconds(graceSeconds))
            .withTasks(AutomationTasks::of)
            .withRuntime(Runtimes.settings(err));
        Daemon daemon = Daemon.start(dirs, settings);
        report(daemon, out, err);
        if (daemon.workspaces().isEmpty()) {
            err.println("No workspace could be started; stopping.");
            err.flush();
            daemon.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            err.println("Stopping: no new runs; running runs have " + graceSeconds + " s to finish…");
            err.flush();
            daemon.close();
            err.println("Stopped.");
            err.flush();
            stopped.countDown();
        }, "martello-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        watch(daemon, out, err, stopped);
        return 0;
    }

    /** Reloads a workspace when its workspace.yaml changes, until the daemon stops. */
    private void watch(Daemon daemon, PrintWriter out, PrintWriter err, CountDownLatch stopped)
        throws InterruptedException {
        Map<Path, FileTime> seen = new HashMap<>();
        dirs.forEach(d -> seen.put(d, modified(d)));
        while (!stopped.await(WATCH.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            for (Path d : dirs) {
                FileTime now = modified(d);
                if (now != null && !now.equals(seen.get(d))) {
                    seen.put(d, now);
                    out.println("Reloading " + d + " (workspace.yaml changed)…");
                    out.flush();
                    daemon.reload(d);
                    report(daemon, out, err);
                }
            }
        }
    }

    private static FileTime modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve("workspace.yaml"));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void report(Daemon daemon, PrintWriter out, PrintWriter err) {
        for (HostedWorkspace h : daemon.workspaces()) {
            out.println("Serving workspace '" + h.name() + "' (" + h.dir() + ") as node " + daemon.node() + ": "
                + h.runtime().workspace().config().schedules().size() + " schedule(s), at most "
                + h.runtime().workspace().config().runs().maxConcurrent() + " concurrent run(s).");
        }
        for (WorkspaceLoadException e : daemon.broken()) {
            err.println("Workspace " + e.dir() + " is not running: " + e.getMessage());
        }
        out.flush();
        err.flush();
    }
}
