package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract on H2, plus what only H2 needs: its DDL cannot run in parallel, so materializations take turns. */
class H2WarehouseTest extends WarehouseContractTest {
    @TempDir
    static Path dataDir;

    @Override
    protected WarehouseConfig config() {
        return WarehouseConfig.of("jdbc:h2:" + dataDir.resolve("warehouse"));
    }

    @Override
    protected String slowSelect() {
        // system_range names its column upper-case even when the database folds names to lower case.
        return "select count(*) as n from system_range(1, 100000) a, system_range(1, 100000) b"
            + " where a.\"X\" + b.\"X\" = 3";
    }

    @Override
    protected String varcharName() {
        return "character varying";
    }

    @Override
    protected String missingTableMessage() {
        return "Table \"no_such_table\" not found";
    }

    @Override
    protected String missingTableState() {
        return "42S02";
    }

    @Test
    void materializationsTakeTurnsBecauseParallelDdlCanDeadlock() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<CompletableFuture<Materialization>> runs = List.of("a", "b", "c").stream()
            .map(name -> TestAsset.java(mart + "/" + name, ctx -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                ctx.execute("create table " + ctx.target() + " as select 1 as id");
                Thread.sleep(100);
                inside.decrementAndGet();
            }).build())
            .map(asset -> CompletableFuture.supplyAsync(() -> materialize(asset, "run-1"), threads))
            .toList();

        try {
            runs.forEach(CompletableFuture::join);
        } finally {
            threads.shutdownNow();
        }

        assertThat(most.get()).isEqualTo(1);
        assertThat(ids(mart + ".c")).containsExactly(1L);
    }

    @Test
    void aStepWaitingForItsTurnStopsAtItsTimeout() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Asset slow = TestAsset.java(mart + "/slow", ctx -> {
            ctx.execute("create table " + ctx.target() + " as select 1 as id");
            holding.countDown();
            release.await(10, TimeUnit.SECONDS);
        }).build();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CompletableFuture<Materialization> first = CompletableFuture.supplyAsync(() -> materialize(slow, "run-1"),
            thread);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        Asset waiting = TestAsset.sql(mart + "/waiting", "select 2 as id").build();

        try {
            assertThatThrownBy(() -> warehouse.materialize(MaterializationRequest.of(waiting, "run-2")
                    .withTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(MaterializationCancelledException.class)
                .hasMessageStartingWith("Materializing '" + mart + "/waiting' was stopped after its timeout of 1s");
        } finally {
            release.countDown();
        }
        first.join();
        thread.shutdown();
        assertThat(ids(mart + ".slow")).containsExactly(1L);
    }
}
