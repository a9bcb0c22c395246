package dev.martello.core.execution;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.StepStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Partitions: reruns replace a partition, and a partition another run holds is not materialized twice at once. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class PartitionTest {
    /** The latest complete daily partition is then 2024-01-03. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-04T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    final Shop shop = Shop.plain();
    final CountDownLatch gateEntered = new CountDownLatch(1);
    final CountDownLatch gateOpen = new CountDownLatch(1);
    WorkspaceRuntime runtime;

    @BeforeEach
    void open() {
        runtime = WorkspaceRuntime.open(TestWorkspace.of(dir, shop.marts("v1", m -> m
            .asset("daily_orders", a -> a
                .partitionedDaily("2024-01-01", "UTC")
                .incremental("ordered_at")
                .sql("select id, amount, ordered_at from {{ source('raw.orders') }}"
                    + " where ordered_at >= {{ partition_start }} and ordered_at < {{ partition_end }}"))
            .asset("gate", a -> a.compute(ctx -> {
                gateEntered.countDown();
                gateOpen.await();
                ctx.execute("create table " + ctx.target() + " as select 1 as x");
            })), UnaryOperator.identity())), RuntimeSettings.defaults().withClock(CLOCK));
        shop.createSources(runtime.warehouse());
    }

    @AfterEach
    void close() {
        gateOpen.countDown();
        runtime.close();
    }

    RunResult materialize(String selection, PartitionChoice partitions) {
        return runtime.materialize(selection, partitions, RunOptions.manual(), RunListener.NONE);
    }

    @Test
    void rerunningAPartitionReplacesItsRowsAndLeavesTheOthers() {
        materialize("shop/daily_orders", new PartitionChoice.Single("2024-01-01"));
        materialize("shop/daily_orders", new PartitionChoice.Single("2024-01-02"));
        RunResult again = materialize("shop/daily_orders", new PartitionChoice.Single("2024-01-01"));

        assertThat(again.steps()).extracting(StepResult::label).containsExactly("shop/daily_orders[2024-01-01]");
        assertThat(again.run().partitions()).containsExactly("2024-01-01");
        assertThat(TestWorkspace.rows(runtime.warehouse(), "select cast(ordered_at as date) as day, count(*),"
            + " count(distinct id) from shop.daily_orders group by 1 order by 1"))
            .containsExactly(List.of("2024-01-01", "2", "2"), List.of("2024-01-02", "2", "2"));
    }

    @Test
    void aRangeRunsOneStepPerPartitionAndStatusShowsEach() {
        RunResult range = materialize("shop/daily_orders", new PartitionChoice.Range("2024-01-01", "2024-01-02"));

        assertThat(range.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(range.steps()).extracting(StepResult::rows).extracting(r -> r.orElseThrow())
            .containsExactly(2L, 2L);
        assertThat(MaterializeTest.describe(runtime.status("shop/daily_orders"))).containsExactly(
            java.util.Map.entry("shop/daily_orders[2024-01-01]", "UP-TO-DATE"),
            java.util.Map.entry("shop/daily_orders[2024-01-02]", "UP-TO-DATE"),
            java.util.Map.entry("shop/daily_orders[2024-01-03]", "MISSING: never materialized"));
    }

    @Test
    void aPartitionHeldByAnotherRunFailsTheStepAndNamesThatRun() throws Exception {
        AtomicReference<String> firstRun = new AtomicReference<>();
        RunListener remember = new RunListener() {
            @Override
            public void runStarted(dev.martello.core.runs.Run run, dev.martello.core.planning.Plan plan) {
                firstRun.set(run.id());
            }
        };
        CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> runtime.materialize("shop/gate",
            PartitionChoice.latest(), RunOptions.manual(), remember));
        gateEntered.await();

        RunResult second = materialize("shop/gate", PartitionChoice.latest());
        gateOpen.countDown();

        assertThat(second.status()).isEqualTo(RunStatus.FAILED);
        assertThat(second.step("shop/gate"))
            .extracting(StepResult::status, StepResult::failure, StepResult::message, StepResult::attempts)
            .containsExactly(StepStatus.FAILED, FailureKind.ORCHESTRATOR, "orchestrator: shop/gate is being"
                + " materialized by run " + firstRun.get() + ", and one asset partition is never materialized by two"
                + " runs at once; run it again when that run has finished.", 0);
        assertThat(first.get().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(materialize("shop/gate", PartitionChoice.latest()).status())
            .as("the first run released its lock").isEqualTo(RunStatus.SUCCEEDED);
    }
}
