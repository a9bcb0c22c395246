package dev.martello.cli;

import dev.martello.core.daemon.AutomationTasks;
import dev.martello.core.daemon.Daemon;
import dev.martello.core.daemon.DaemonSettings;
import dev.martello.core.daemon.HostedWorkspace;
import dev.martello.core.daemon.WorkspaceLoadException;
import dev.martello.core.workspace.WorkspaceConfigReader;
import dev.martello.web.DaemonLink;
import dev.martello.web.MartelloServer;
import dev.martello.web.ServerConfig;
import dev.martello.web.ServerConfigReader;
import dev.martello.web.auth.AuthConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code martello serve}: the daemon and the web server over it. Runs each workspace's schedules, queue and backfills
 * and serves the UI and API on the daemon's runtimes (launches go through the daemon's queue) until stopped; Ctrl-C
 * or SIGTERM stops gracefully. A workspace whose {@code workspace.yaml} changes is reloaded, and the server follows.
 * It refuses to start without users or tokens unless {@code --insecure} says an open server is meant.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the schedules, declarative automation, freshness checks, run queue and backfills of one or more"
        + " workspaces, with the web UI and API over them, until stopped.")
final class ServeCommand implements Callable<Integer> {
    static final Duration WATCH = Duration.ofSeconds(2);
    static final String NO_AUTH = "martello serve refuses to start without authentication: %s has no users and no"
        + " tokens, so anyone who reaches %s:%d could launch, cancel and pause. Give --config server.yaml with"
        + " auth.users or auth.tokens (hash their secrets with 'martello hash-secret'), or pass --insecure to serve"
        + " without login on a trusted network.";

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", required = true,
        description = "A workspace folder holding workspace.yaml; repeat for several.")
    List<Path> dirs;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "30",
        description = "On shutdown, how long running runs may go on before they are canceled (default: 30).")
    long graceSeconds;

    @Option(names = {"-p", "--port"}, paramLabel = "N",
        description = "Port of the web UI and API (default: the config's, else 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: 127.0.0.1).")
    String host;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "Server configuration (server.yaml): host, port, and the users and tokens who may log in.")
    Path config;

    @Option(names = "--insecure",
        description = "Serve even though the configuration has no users or tokens: everyone is let in as admin.")
    boolean insecure;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Before anything loads: a workspace.yaml edited while the daemon and server start is then seen as a change.
        Map<Path, FileTime> seen = new HashMap<>();
        dirs.forEach(d -> seen.put(d, modified(d)));
        // Registered before anything starts: a SIGTERM while the daemon or server starts still stops what started.
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            err.println("Stopping: no new runs; running runs have " + graceSeconds + " s to finish…");
            err.flush();
            Serving s = current.get();
            if (s != null) {
                s.close();
            }
            err.println("Stopped.");
            err.flush();
            stopped.countDown();
        }, "martello-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Serving serving;
        try {
            serving = open();
        } catch (NotStarted e) {
            removeHook(hook);
            return e.exit;
        } catch (RuntimeException e) {
            removeHook(hook);
            throw e;
        }
        watch(serving.daemon(), seen, out, err, stopped);
        return 0;
    }

    /** What has started so far, for the shutdown hook. */
    private final AtomicReference<Serving> current = new AtomicReference<>();

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs and finds nothing started.
        }
    }

    /**
     * The daemon and the web server over it ({@code web} null while it starts); closing stops the server, then the
     * daemon gracefully.
     */
    record Serving(Daemon daemon, MartelloServer web) implements AutoCloseable {
        @Override
        public void close() {
            if (web != null) {
                web.close();
            }
            daemon.close();
        }
    }

    /** Why serve did not start, already told on standard error; {@code exit} is the command's exit code. */
    static final class NotStarted extends Exception {
        final int exit;

        NotStarted(int exit) {
            super(null, null, false, false);
            this.exit = exit;
        }
    }

    /**
     * Checks the server configuration, starts the daemon and the web server over its workspaces, and reports both.
     *
     * @throws NotStarted with exit code 2 when the server would be open without --insecure, 1 when no workspace runs
     */
    Serving open() throws NotStarted {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig server = serverConfig();
        if (server == null) {
            throw new NotStarted(ErrorHandler.USAGE);
        }
        DaemonSettings settings = DaemonSettings.defaults().withGrace(Duration.ofSeconds(graceSeconds))
            .withTasks(AutomationTasks::of)
            .withRuntime(Runtimes.settings(err));
        Daemon daemon = Daemon.start(dirs, settings);
        current.set(new Serving(daemon, null));
        report(daemon, out, err);
        if (daemon.workspaces().isEmpty()) {
            err.println("No workspace could be started; stopping.");
            err.flush();
            current.set(null);
            daemon.close();
            throw new NotStarted(1);
        }
        MartelloServer web;
        try {
            web = MartelloServer.start(server, hosted(daemon));
        } catch (RuntimeException e) {
            current.set(null);
            daemon.close();
            throw e;
        }
        out.println("Martello is serving the UI and API at " + web.url() + (server.auth().open()
            ? " (insecure: anyone who reaches it is admin, no login)" : "") + ". Ctrl-C stops it.");
        out.flush();
        Serving serving = new Serving(daemon, web);
        current.set(serving);
        return serving;
    }

    /**
     * The server configuration with the command line's host and port; null (after saying why on standard error)
     * when it lets everyone in and {@code --insecure} was not given.
     */
    private ServerConfig serverConfig() {
        ServerConfig file = config == null ? new ServerConfig(null, null, null) : new ServerConfigReader().read(config);
        AuthConfig auth = file.auth();
        boolean nobody = auth.users().isEmpty() && auth.tokens().isEmpty();
        ServerConfig effective = new ServerConfig(host != null ? host : file.host(), port != null ? port : file.port(),
            nobody && insecure ? AuthConfig.openAccess() : auth);
        if ((nobody || auth.open()) && !insecure) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(NO_AUTH.formatted(config == null ? "no --config was given, so the server" : config.toString(),
                effective.host(), effective.port()));
            err.flush();
            return null;
        }
        return effective;
    }

    /** Each folder as the server hosts it, over the daemon's runtime; a broken one under its configured name. */
    private List<dev.martello.web.HostedWorkspace> hosted(Daemon daemon) {
        return dirs.stream().map(d -> {
            DaemonLink link = new DaemonLink(daemon, d);
            String name = link.current().map(HostedWorkspace::name).orElseGet(() -> configuredName(d));
            return dev.martello.web.HostedWorkspace.onDaemon(name, link, Clock.systemUTC());
        }).toList();
    }

    private static String configuredName(Path dir) {
        try {
            return new WorkspaceConfigReader().read(dir.resolve("workspace.yaml")).name();
        } catch (RuntimeException e) {
            return dir.toAbsolutePath().normalize().getFileName().toString();
        }
    }

    /** Reloads a workspace when its workspace.yaml changes, until the daemon stops. */
    private void watch(Daemon daemon, Map<Path, FileTime> seen, PrintWriter out, PrintWriter err,
                       CountDownLatch stopped) throws InterruptedException {
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
