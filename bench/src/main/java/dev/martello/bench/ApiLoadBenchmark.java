package dev.martello.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API under C concurrent clients (default 100) on loopback: each client is a thread with its own keep-alive
 * connection sending requests back to back, a mix of the catalog's and the lineage page's reads on a workspace of
 * N assets (default 1,000): asset list (a page of 100 with state), lineage status overlay, runs list, one asset's
 * detail. Bounded: a warm-up, then a fixed number of requests per client. Prints p50 / p99 / max and throughput.
 * A fourth argument (0-3) sends only that route of the mix, to see which one costs what.
 *
 * <p>{@code java -cp … dev.martello.bench.ApiLoadBenchmark 100 1000 200 [route]}
 */
public final class ApiLoadBenchmark {
    private ApiLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int assets = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int perClient = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        try (UiBenchServer s = UiBenchServer.start(assets)) {
            String asset = s.marts.deepAssetKey();
            List<URI> all = List.of(
                URI.create(s.url("/api/workspaces/synthetic/assets?limit=100")),
                URI.create(s.url("/api/workspaces/synthetic/lineage/status")),
                URI.create(s.url("/api/workspaces/synthetic/runs?limit=20")),
                URI.create(s.url("/api/workspaces/synthetic/assets/" + asset)));
            List<URI> mix = args.length > 3 ? List.of(all.get(Integer.parseInt(args[3]))) : all;
            run(clients, Math.max(10, perClient / 5), mix);  // warm-up
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            long t0 = System.nanoTime();
            int errors = run(clients, perClient, mix, latencies);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Percentiles p = new Percentiles(latencies);
            System.out.printf("| %d | %,d | %,d | %.1f | %.1f | %.1f | %,.0f | %d |%n", clients, assets, p.count(),
                p.median(), p.at(99), p.max(), p.count() / seconds, errors);
        }
    }

    private static int run(int clients, int perClient, List<URI> mix) throws InterruptedException {
        return run(clients, perClient, mix, Collections.synchronizedList(new ArrayList<>()));
    }

    private static int run(int clients, int perClient, List<URI> mix, List<Double> latencies)
        throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients);
        AtomicInteger errors = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread.ofPlatform().daemon().start(() -> {
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build()) {
                    for (int i = 0; i < perClient; i++) {
                        HttpRequest req = HttpRequest.newBuilder(mix.get((i + offset) % mix.size()))
                            .timeout(Duration.ofSeconds(30)).build();
                        long t = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        latencies.add((System.nanoTime() - t) / 1e6);
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return errors.get();
    }
}
