package dev.martello.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the server's background refresh of one workspace costs (BENCHMARKS.md, issue 5): {@code
 * HostedWorkspace.refresh()} on a synthetic workspace of N assets with empty embedded stores — core's freshness
 * evaluation (recording its transitions), the SLO report, staleness of every asset, the history scan, and the new
 * state snapshot. It runs every 5 s and after each run of the server, never on a request. Prints median and min.
 *
 * <p>{@code java -cp … dev.martello.bench.StateRefreshBenchmark 10000}
 */
public final class StateRefreshBenchmark {
    private StateRefreshBenchmark() {
    }

    public static void main(String[] args) {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (UiBenchServer s = UiBenchServer.start(assets)) {
            for (int i = 0; i < 5; i++) {
                s.hosted.refresh();
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t = System.nanoTime();
                s.hosted.refresh();
                ms.add((System.nanoTime() - t) / 1e6);
            }
            Percentiles p = new Percentiles(ms);
            System.out.printf("| %,d | %.1f | %.1f | %.1f |%n", assets, p.median(), p.min(), p.max());
        }
    }
}
