package dev.martello.bench;

import dev.martello.core.automation.AutomationEvaluator;
import dev.martello.core.automation.TickResult;
import dev.martello.core.automation.jooq.JooqAutomationStore;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.observation.jooq.JooqObservationStore;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The automation tick over N eager assets on the embedded H2 metadata store: first tick (judges everything once),
 * idle ticks (nothing changed), and ticks after 1,000 upstream updates (materialization events of 1,000 random
 * assets appended to the event log before the timed tick). Prints one Markdown table row.
 *
 * <p>{@code java -cp … dev.martello.bench.AutomationTickBenchmark 10000}
 */
public final class AutomationTickBenchmark {
    private static final int PER_MART = 500;
    private static final int UPDATES = 1_000;

    private AutomationTickBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        AssetGraph graph = graph(size);
        Path dir = Files.createTempDirectory("martello-automation-bench");
        Instant t0 = Instant.parse("2026-03-02T06:00:00Z");
        try (RunStore runs = MetadataStores.h2(dir.resolve("metadata"))) {
            List<Asset> assets = graph.assets();
            materialize(runs, assets, t0, "seed");
            AutomationEvaluator automation = AutomationEvaluator.open(graph, runs, JooqObservationStore.on(runs),
                JooqAutomationStore.on(runs));
            long start = System.nanoTime();
            TickResult first = automation.tick(t0.plusSeconds(1));
            double firstMs = (System.nanoTime() - start) / 1e6;

            double[] idle = new double[31];
            for (int i = 0; i < idle.length; i++) {
                start = System.nanoTime();
                automation.tick(t0.plusSeconds(2 + i));
                idle[i] = (System.nanoTime() - start) / 1e6;
            }
            Random random = new Random(7);
            double[] dirty = new double[7];
            int evaluated = 0;
            int requested = 0;
            for (int i = 0; i < dirty.length; i++) {
                List<Asset> shuffled = new ArrayList<>(assets);
                Collections.shuffle(shuffled, random);
                Instant at = t0.plusSeconds(100 + 10L * i);
                materialize(runs, shuffled.subList(0, UPDATES), at, "upd" + i);
                start = System.nanoTime();
                TickResult tick = automation.tick(at.plusSeconds(5));
                dirty[i] = (System.nanoTime() - start) / 1e6;
                evaluated += tick.evaluated();
                requested += tick.requests().size();
            }
            System.out.printf("| %,d | %.0f (%,d judged) | %.1f | %.1f | %.0f | %.0f | %,d | %,d |%n", size, firstMs,
                first.evaluated(), median(idle), min(idle), median(dirty), min(dirty), evaluated / dirty.length,
                requested / dirty.length);
        }
    }

    /** {@code size} eager assets in marts of 500; each reads a source or 1–3 earlier assets of its mart. */
    static AssetGraph graph(int size) {
        Random random = new Random(20_261_121L);
        List<Mart> marts = new ArrayList<>();
        for (int m = 0; m * PER_MART < size; m++) {
            String source = "raw_" + m + ".events";
            MartBuilder mart = Mart.integrated(String.format("mart_%03d", m)).owner("team:t" + (m % 5)).source(source);
            int count = Math.min(PER_MART, size - m * PER_MART);
            for (int i = 0; i < count; i++) {
                StringBuilder sql = new StringBuilder();
                if (i < 20) {
                    sql.append("select * from {{ source('").append(source).append("') }}");
                } else {
                    int inputs = 1 + random.nextInt(3);
                    for (int k = 0; k < inputs; k++) {
                        sql.append(k == 0 ? "select * from " : " union all select * from ")
                            .append("{{ ref('a").append(random.nextInt(i)).append("') }}");
                    }
                }
                String text = sql.toString();
                mart.asset("a" + i, a -> a.automation(AutomationPolicy.eager()).sql(text));
            }
            marts.add(mart.build());
        }
        return AssetGraph.of(marts);
    }

    private static void materialize(RunStore runs, List<Asset> assets, Instant at, String runId) {
        List<RunEvent> events = new ArrayList<>();
        for (Asset a : assets) {
            events.add(new RunEvent.Materialized(runId, at, a.key(), "", 1, 1, "c", "d-" + runId, Map.of()));
            if (events.size() == 1_000) {
                runs.appendEvents(events);
                events.clear();
            }
        }
        runs.appendEvents(events);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
