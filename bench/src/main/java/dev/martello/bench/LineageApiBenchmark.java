package dev.martello.bench;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.graph.GraphLoader;
import dev.martello.web.Json;
import dev.martello.web.lineage.LineageLayout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Lineage API for N assets (default 10,000): the server's own work for the global lineage, i.e. layout plus JSON
 * serialisation without the cache (what a request after a reload pays), then full HTTP requests on loopback, the
 * first one cold and the following ones served from the layout cache. Prints one table row.
 *
 * <p>{@code java -cp … dev.martello.bench.LineageApiBenchmark 10000}
 */
public final class LineageApiBenchmark {
    private LineageApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        AssetGraph graph = GraphLoader.load(SyntheticMarts.generate(n).definitions()).graph();
        var json = Json.mapper();
        List<Double> compute = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            bytes = json.writeValueAsBytes(LineageLayout.layout(graph, graph.all(), "*")).length;
            if (i >= 10) {
                compute.add((System.nanoTime() - t0) / 1e6);
            }
        }
        try (UiBenchServer s = UiBenchServer.start(n)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest req = HttpRequest.newBuilder(URI.create(s.url("/api/workspaces/synthetic/lineage"))).build();
            long t0 = System.nanoTime();
            http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            double cold = (System.nanoTime() - t0) / 1e6;
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("lineage answered " + r.statusCode());
                }
                if (i >= 10) {
                    warm.add((System.nanoTime() - t) / 1e6);
                }
            }
            System.out.printf("| %,d | %,d | %.1f | %.1f | %.0f | %.1f | %.1f | %,d KB |%n", n, graph.size(),
                new Percentiles(compute).median(), new Percentiles(compute).min(), cold, new Percentiles(warm).median(),
                new Percentiles(warm).min(), bytes / 1024);
        }
    }
}
