package dev.martello.bench;

import dev.martello.core.backfill.Backfill;
import dev.martello.core.backfill.BackfillRequest;
import dev.martello.core.backfill.Backfills;
import dev.martello.core.backfill.jooq.JooqBackfillStore;
import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.graph.GraphLoader;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.queue.RunRequest;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.Step;
import dev.martello.core.schedule.quartz.QuartzScheduler;
import dev.martello.core.workspace.RunsConfig;
import dev.martello.core.workspace.ScheduleConfig;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.Mart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run queue and scheduler on the embedded default (H2 metadata, DuckDB warehouse): trigger-to-first-step latency
 * of manual submissions and of cron ticks (p50/p99, from the stored run and step times), and a 2,000-partition
 * backfill in chunks of one partition (launch rate, and orchestration time beyond the steps' own time).
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' dev.martello.bench.SchedulerBenchmark</pre>
 */
public final class SchedulerBenchmark {
    private SchedulerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("martello-sched-bench");
        Mart mart = Mart.application("bench").owner("team:bench")
            .asset("one", a -> a.compute(ctx -> ctx.execute("create or replace table " + ctx.target()
                + " as select 1 as x")))
            .asset("days", a -> a.partitionedDaily("2019-01-01", "UTC").incremental("day")
                .sql("select cast({{ partition_start }} as timestamp) as day, 1 as x"))
            .build();
        ScheduleConfig everySecond = new ScheduleConfig("every_second", "* * * * * ?", "UTC", "bench/one", null, null,
            null);
        WorkspaceConfig config = new WorkspaceConfig("bench", "", new WorkspaceConfig.MartsConfig(null, null), "data",
            null, null, null, List.of(everySecond), Map.of(), new RunsConfig(1, null, null), null);
        Workspace ws = new Workspace(dir, config, GraphLoader.validate(List.of(mart), List.of()));
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(ws, RuntimeSettings.defaults());
             WorkspaceQueue queue = new WorkspaceQueue(runtime).start()) {
            RunStore store = runtime.store();
            // Manual: one run at a time, so each latency is the queue's own, not time spent waiting for a slot.
            List<Long> manual = new ArrayList<>();
            for (int i = 0; i < 220; i++) {
                Run run = queue.submit(RunRequest.of("bench", "bench/one", PartitionChoice.latest(), "manual"));
                Run done = await(store, run.id());
                if (i >= 20) { // the first runs warm up the JIT
                    manual.add(firstStepMicros(store, done, done.createdAt()));
                }
            }
            System.out.println(row("manual submit → first step (200 runs)", manual));

            List<Long> scheduled = new ArrayList<>();
            try (QuartzScheduler scheduler = QuartzScheduler.open("bench", runtime.node(), store.database(),
                queue::submit, List.of())) {
                scheduler.syncSchedules(List.of(everySecond));
                scheduler.start();
                Instant until = Instant.now().plusSeconds(62);
                while (Instant.now().isBefore(until)) {
                    Thread.sleep(500);
                }
            }
            for (Run r : store.runs(200)) {
                if (r.trigger().equals("schedule:every_second") && r.status().isTerminal()) {
                    // Quartz fires on whole seconds: the tick's time is the creation time truncated to the second.
                    scheduled.add(firstStepMicros(store, await(store, r.id()),
                        r.createdAt().truncatedTo(ChronoUnit.SECONDS)));
                }
            }
            System.out.println(row("cron tick → first step (" + scheduled.size() + " ticks)", scheduled));

            Backfills backfills = new Backfills(runtime, queue, new JooqBackfillStore(store.database()));
            long t0 = System.nanoTime();
            Backfill b = backfills.start(new BackfillRequest("bench", "bench/days", "2019-01-01", "2024-06-22", 1,
                false, 0));
            int launched = backfills.launch(Instant.now());
            long launchNs = System.nanoTime() - t0;
            while (!backfills.progress(b.id()).isDone()) {
                Thread.sleep(200);
            }
            long totalNs = System.nanoTime() - t0;
            long stepMicros = 0;
            for (Run r : store.runsByTrigger(b.trigger())) {
                for (Step s : store.steps(r.id())) {
                    stepMicros += ChronoUnit.MICROS.between(s.startedAt(), s.finishedAt());
                }
            }
            double totalS = totalNs / 1e9;
            System.out.printf(Locale.ROOT, "backfill: %d partitions as %d runs; launched in %.2f s (%.0f runs/s);"
                    + " all done in %.1f s; steps' own time %.1f s; orchestration %.1f ms per run%n",
                b.partitions().size(), launched, launchNs / 1e9, launched / (launchNs / 1e9), totalS,
                stepMicros / 1e6, (totalS - stepMicros / 1e6) * 1000 / launched);
        }
    }

    private static Run await(RunStore store, String id) throws InterruptedException {
        while (true) {
            Run r = store.run(id).orElseThrow();
            if (r.status().isTerminal()) {
                return r;
            }
            Thread.sleep(1);
        }
    }

    private static long firstStepMicros(RunStore store, Run run, Instant from) {
        Instant first = store.steps(run.id()).stream().map(Step::startedAt).filter(t -> t != null).min(
            Instant::compareTo).orElseThrow();
        return ChronoUnit.MICROS.between(from, first);
    }

    private static String row(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |", what,
            sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1000.0,
            sorted.getLast() / 1000.0);
    }
}
