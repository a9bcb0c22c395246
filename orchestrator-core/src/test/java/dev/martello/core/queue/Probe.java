package dev.martello.core.queue;

import dev.martello.core.graph.GraphLoader;
import dev.martello.core.graph.LoadedGraph;
import dev.martello.core.workspace.PoolConfig;
import dev.martello.core.workspace.RunsConfig;
import dev.martello.core.workspace.ScheduleConfig;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartBuilder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspaces of Java assets that count how many of them execute at once (in all, and in the {@code heavy} mart), for
 * queue, backfill and daemon tests; and a daily partitioned SQL asset {@code days/d} that needs no source.
 */
public final class Probe {
    public final AtomicInteger now = new AtomicInteger();
    public final AtomicInteger max = new AtomicInteger();
    public final AtomicInteger heavyNow = new AtomicInteger();
    public final AtomicInteger heavyMax = new AtomicInteger();
    public final AtomicInteger executions = new AtomicInteger();
    /** Assets of the {@code gated} mart wait for this. */
    public volatile CountDownLatch gate = new CountDownLatch(0);
    public final List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    public Mart[] marts(int light, int heavy) {
        MartBuilder l = Mart.application("light").owner("team:t");
        for (int i = 0; i < light; i++) {
            String name = "light/a" + i;
            l.asset("a" + i, a -> a.compute(ctx -> {
                enter(false, name);
                ctx.execute("create table " + ctx.target() + " as select 1 as x");
            }));
        }
        MartBuilder h = Mart.application("heavy").owner("team:t");
        for (int i = 0; i < heavy; i++) {
            String name = "heavy/h" + i;
            h.asset("h" + i, a -> a.compute(ctx -> {
                enter(true, name);
                ctx.execute("create table " + ctx.target() + " as select 1 as x");
            }));
        }
        Mart gated = Mart.application("gated").owner("team:t")
            .asset("g", a -> a.compute(ctx -> {
                order.add("gated/g");
                gate.await();
                ctx.execute("create table " + ctx.target() + " as select 1 as x");
            }))
            .build();
        Mart days = Mart.application("days").owner("team:t")
            .asset("d", a -> a.partitionedDaily("2024-01-01", "UTC").incremental("day")
                .sql("select cast({{ partition_start }} as timestamp) as day, 1 as x"))
            .build();
        return new Mart[] {l.build(), h.build(), gated, days};
    }

    private void enter(boolean heavy, String target) throws InterruptedException {
        executions.incrementAndGet();
        order.add(target);
        max.accumulateAndGet(now.incrementAndGet(), Math::max);
        if (heavy) {
            heavyMax.accumulateAndGet(heavyNow.incrementAndGet(), Math::max);
        }
        try {
            Thread.sleep(15);
        } finally {
            now.decrementAndGet();
            if (heavy) {
                heavyNow.decrementAndGet();
            }
        }
    }

    public static Workspace workspace(Path dir, WorkspaceConfig.MetadataConfig metadata, RunsConfig runs,
                                      Map<String, PoolConfig> pools, List<ScheduleConfig> schedules, Mart... marts) {
        WorkspaceConfig config = new WorkspaceConfig("probe", "", new WorkspaceConfig.MartsConfig(null, null), "data",
            null, metadata, null, schedules, pools, runs, null);
        LoadedGraph graph = GraphLoader.validate(List.of(marts), List.of());
        assertThat(graph.problems()).as("the test's marts are valid").isEmpty();
        return new Workspace(dir, config, graph);
    }
}
