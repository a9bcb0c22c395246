package dev.martello.cli;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.graph.ValidationReport;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceLoader;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.MartelloServer;
import dev.martello.web.ServerConfig;
import dev.martello.web.ServerConfigReader;
import dev.martello.web.WorkspaceSource;
import dev.martello.web.auth.AuthConfig;
import dev.martello.web.freshness.FreshnessSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code martello dev --workspace DIR [--port N]}: one workspace with its embedded stores, the API and the web UI in
 * this process; prints the URL and serves until Ctrl-C. Open to everyone unless {@code --config} names a server
 * configuration with users.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
    description = "Serve the web UI and API for one workspace on this machine (embedded stores), until Ctrl-C.")
final class DevCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Option(names = {"-p", "--port"}, paramLabel = "N", description = "Port (default: 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: 127.0.0.1).")
    String host;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "Server configuration (server.yaml) with users and tokens; without it the server is open.")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig file = config == null ? new ServerConfig(null, null, AuthConfig.openAccess())
            : new ServerConfigReader().read(config);
        ServerConfig effective = new ServerConfig(host != null ? host : file.host(),
            port != null ? port : file.port(), file.auth());
        WorkspaceSource source = new DirectorySource(workspace.dir, err);
        Workspace ws = source.load();
        if (!ws.problems().isEmpty()) {
            err.print("Workspace '" + ws.name() + "' has " + ws.problems().size() + " problem(s); the UI shows it,"
                + " but nothing can be materialized until they are fixed:\n" + ValidationReport.render(ws.problems()));
            err.flush();
        }
        HostedWorkspace hosted = HostedWorkspace.of(source.open(ws), source, FreshnessSource.SERVER,
            Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        MartelloServer server = MartelloServer.start(effective, List.of(hosted));
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "martello-dev-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Martello is serving workspace '" + ws.name() + "' at " + server.url()
            + (effective.auth().open() ? " (open: no login)" : "") + ". Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** Reads the workspace folder again on reload; opens its stores with notices on standard error. */
    record DirectorySource(Path dir, PrintWriter err) implements WorkspaceSource {
        @Override
        public Workspace load() {
            return new WorkspaceLoader().load(dir);
        }

        @Override
        public WorkspaceRuntime open(Workspace workspace) {
            return Runtimes.open(workspace, err, true);
        }
    }
}
