package dev.martello.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Serves the API benchmark's workspace ({@link UiBenchServer}, N synthetic assets) until killed, and writes the base
 * URL and the request mix of {@link ApiLoadBenchmark} to a file, for an outside load generator (wrk) that keeps its
 * own CPU cost off the server's JVM: {@code bench/run-api-wrk.sh}.
 *
 * <p>{@code java -cp … dev.martello.bench.ApiServer 1000 target/api-server.txt}
 */
public final class ApiServer {
    private ApiServer() {
    }

    public static void main(String[] args) throws Exception {
        int assets = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        UiBenchServer s = UiBenchServer.start(assets);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        List<String> lines = List.of(s.url(""),
            "/api/workspaces/synthetic/assets?limit=100",
            "/api/workspaces/synthetic/lineage/status",
            "/api/workspaces/synthetic/runs?limit=20",
            "/api/workspaces/synthetic/assets/" + s.marts.deepAssetKey());
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "api-server", ".txt");
        Files.write(tmp, lines);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
