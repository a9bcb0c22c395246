package dev.martello.bench;

import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunEventBuffer;
import dev.martello.core.runs.RunIds;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Severity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event-log write throughput of the metadata store: {@link RunStore#appendEvents} at several batch sizes, then a
 * run's real write path, {@link RunEventBuffer} fed by several step threads. On the H2 file store (the embedded
 * default) or a real PostgreSQL (zonky's embedded server, started here with {@code synchronous_commit=on} and
 * {@code fsync=on}, as a production server runs).
 *
 * <p>Two event streams: {@code log} lines only, and {@code steps}, the mix a run writes per step (started, a log
 * line, two check results, materialized; the last also replaces the partition's latest state).
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' dev.martello.bench.EventLogBenchmark h2 [500 1000]</pre>
 */
public final class EventLogBenchmark {
    private static final int[] BATCHES = {1, 10, 100, 500, 1_000, 5_000};
    private static final int EVENTS = 50_000;
    private static final int REPEATS = 3;

    private EventLogBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || !List.of("h2", "postgres").contains(args[0])) {
            System.err.println("usage: EventLogBenchmark h2|postgres [batch sizes: only these, no buffer runs]");
            System.exit(2);
        }
        int[] batches = args.length == 1 ? BATCHES
            : Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray();
        boolean buffer = args.length == 1;
        Path dir = Files.createTempDirectory("martello-bench-events-");
        System.out.println("== event log on " + args[0] + "; load average before: " + Stopwatch.loadAverage());
        try {
            if (args[0].equals("h2")) {
                try (RunStore store = MetadataStores.h2(dir.resolve("metadata"))) {
                    measure(store, batches, buffer);
                }
            } else {
                try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                        .setCleanDataDirectory(true).setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on").start();
                     RunStore store = MetadataStores.postgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
                    measure(store, batches, buffer);
                }
            }
        } finally {
            System.out.println("load average after: " + Stopwatch.loadAverage());
            EngineDagBenchmark.deleteTree(dir);
        }
    }

    private static void measure(RunStore store, int[] batches, boolean buffer) {
        Run run = newRun(store);
        // Warm-up: the JIT and the store's caches, with both streams and a mid-size batch.
        direct(store, events(run.id(), 20_000, false), 500);
        direct(store, events(run.id(), 20_000, true), 500);
        System.out.println("| stream | batch | events | events/s (median of " + REPEATS + ") | best | process CPU µs per"
            + " event |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (boolean steps : new boolean[] {false, true}) {
            for (int batch : batches) {
                int n = batch == 1 ? 5_000 : batch == 10 ? 20_000 : EVENTS;
                List<RunEvent> events = events(run.id(), n, steps);
                Stopwatch.Series series = new Stopwatch.Series();
                for (int r = 0; r < REPEATS; r++) {
                    series.add(Stopwatch.time(() -> direct(store, events, batch)));
                }
                row(steps ? "steps" : "log", String.valueOf(batch), n, series);
            }
        }
        for (int threads : buffer ? new int[] {1, 4} : new int[0]) {
            for (boolean steps : new boolean[] {false, true}) {
                List<RunEvent> events = events(run.id(), EVENTS, steps);
                Stopwatch.Series series = new Stopwatch.Series();
                AtomicInteger writes = new AtomicInteger();
                for (int r = 0; r < REPEATS; r++) {
                    writes.set(0);
                    series.add(Stopwatch.time(() -> buffered(store, events, threads, writes)));
                }
                row(steps ? "steps" : "log", String.format(Locale.ROOT, "buffer, %d thread%s (avg %.0f)", threads,
                    threads == 1 ? "" : "s", EVENTS / (double) writes.get()), EVENTS, series);
            }
        }
    }

    private static void row(String stream, String batch, int n, Stopwatch.Series s) {
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,.0f | %,.0f | %.1f |%n", stream, batch, n,
            n / (s.wall().median() / 1000), n / (s.wall().min() / 1000), s.cpu().median() * 1000 / n);
    }

    private static void direct(RunStore store, List<RunEvent> events, int batch) {
        for (int from = 0; from < events.size(); from += batch) {
            store.appendEvents(events.subList(from, Math.min(events.size(), from + batch)));
        }
    }

    /**
     * The executor's write path: a buffer of 500 events or 200 ms (its settings), which also writes at once whenever
     * a step ends; {@code threads} step threads add their share of the events concurrently.
     */
    private static void buffered(RunStore store, List<RunEvent> events, int threads, AtomicInteger writes) {
        try (RunEventBuffer buffer = RunEventBuffer.ofEvents(batch -> {
            writes.incrementAndGet();
            store.appendEvents(batch);
        }, 500, Duration.ofMillis(200))) {
            List<Thread> workers = new ArrayList<>();
            int share = events.size() / threads;
            for (int t = 0; t < threads; t++) {
                List<RunEvent> mine = events.subList(t * share, t == threads - 1 ? events.size() : (t + 1) * share);
                workers.add(Thread.ofPlatform().start(() -> mine.forEach(buffer::add)));
            }
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Run newRun(RunStore store) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Run run = new Run(RunIds.next(now), "bench", "*", List.of(), RunStatus.STARTED, "bench", now, now, null, "");
        store.createRun(run);
        return run;
    }

    /**
     * {@code n} events; with {@code steps}, groups of five per step of a 2,000-asset workspace (so states are
     * replaced, as reruns do), else log lines of about 80 characters.
     */
    static List<RunEvent> events(String runId, int n, boolean steps) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<RunEvent> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            AssetKey asset = AssetKey.parse("bench/asset_" + (i % 2_000));
            if (!steps) {
                out.add(new RunEvent.Log(runId, at, asset, "", RunEvent.Log.Level.INFO,
                    "statement " + i + " finished in 12 ms; 1,234 rows written to the version being built"));
                continue;
            }
            List<RunEvent> step = List.of(
                new RunEvent.StepStarted(runId, at, asset, "", 1),
                new RunEvent.Log(runId, at, asset, "", RunEvent.Log.Level.INFO, "built the new version aside"),
                new RunEvent.CheckEvaluated(runId, at, asset, "", "not_null_id", Severity.ERROR, true, 0,
                    "no row has a null 'id'."),
                new RunEvent.CheckEvaluated(runId, at, asset, "", "unique_id", Severity.ERROR, true, 0,
                    "every (id) is unique."),
                new RunEvent.Materialized(runId, at, asset, "", 1_234, 12, "cv-" + (i % 2_000), runId + "/" + asset,
                    Map.of("bench/upstream_a", "r1/bench/upstream_a", "bench/upstream_b", "r1/bench/upstream_b")));
            out.addAll(step.subList(0, Math.min(step.size(), n - out.size())));
        }
        return out;
    }
}
