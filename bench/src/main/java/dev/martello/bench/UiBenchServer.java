package dev.martello.bench;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.graph.GraphLoader;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.MartelloServer;
import dev.martello.web.ServerConfig;
import dev.martello.web.auth.AuthConfig;
import dev.martello.web.freshness.FreshnessSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The real server, open, on a free loopback port, hosting a synthetic workspace of N assets ({@link SyntheticMarts})
 * with empty embedded stores in a temp folder: what the UI benchmarks measure against.
 */
final class UiBenchServer implements AutoCloseable {
    final MartelloServer server;
    final HostedWorkspace hosted;
    final SyntheticMarts marts;
    private final Path dir;

    private UiBenchServer(MartelloServer server, HostedWorkspace hosted, SyntheticMarts marts, Path dir) {
        this.server = server;
        this.hosted = hosted;
        this.marts = marts;
        this.dir = dir;
    }

    static UiBenchServer start(int assets) {
        try {
            Path dir = Files.createTempDirectory("martello-ui-bench");
            SyntheticMarts marts = SyntheticMarts.generate(assets);
            WorkspaceConfig config = new WorkspaceConfig("synthetic", assets + " synthetic assets",
                new WorkspaceConfig.MartsConfig(List.of(), List.of()), "data", null, null, null);
            Workspace ws = new Workspace(dir, config, GraphLoader.load(marts.definitions()));
            if (!ws.problems().isEmpty()) {
                throw new IllegalStateException("synthetic workspace has problems: " + ws.problems().getFirst());
            }
            WorkspaceRuntime runtime = WorkspaceRuntime.open(ws, RuntimeSettings.defaults().withSeedSources(false));
            HostedWorkspace hosted = HostedWorkspace.of(runtime, null, FreshnessSource.SERVER, Clock.systemUTC());
            MartelloServer server = MartelloServer.start(new ServerConfig("127.0.0.1", 0, AuthConfig.openAccess()),
                List.of(hosted));
            return new UiBenchServer(server, hosted, marts, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        server.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
