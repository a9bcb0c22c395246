package dev.martello.core.execution;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.StepStatus;
import dev.martello.dsl.MartBuilder;
import dev.martello.dsl.SqlType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How single steps fail, retry, time out and get cancelled, on the embedded default. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class StepFailureTest {
    /** Runs for many seconds on DuckDB unless its statement is cancelled. */
    static final String SLOW = "select count(*) as n from range(100000) a, range(100000) b where a.range + b.range % 7 = 3";

    @TempDir
    Path dir;
    final Shop shop = Shop.plain();
    WorkspaceRuntime runtime;

    void open(UnaryOperator<MartBuilder> moreShop) {
        runtime = WorkspaceRuntime.open(TestWorkspace.of(dir, shop.marts("v1", moreShop, UnaryOperator.identity())));
        shop.createSources(runtime.warehouse());
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    RunResult materialize(String selection) {
        return runtime.materialize(selection, PartitionChoice.latest(), RunOptions.manual(), RunListener.NONE);
    }

    @Test
    void aFailingBlockingCheckKeepsThePublishedVersionAndFailsWithCheck() {
        open(UnaryOperator.identity());
        materialize("*");
        TestWorkspace.sql(runtime.warehouse(), "insert into raw.orders values (1, 2, 99.00, 'paid', TIMESTAMP"
            + " '2024-01-04 10:00:00')");

        RunResult result = materialize("shop/orders+");

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.step("shop/orders")).extracting(StepResult::status, StepResult::failure, StepResult::message)
            .containsExactly(StepStatus.FAILED, FailureKind.CHECK, "check: Asset 'shop/orders' was not published:"
                + " blocking check unique_id failed: 2 rows have a (id) that another row has too, e.g. 1."
                + " The published data is unchanged.");
        assertThat(result.step("shop/paid_orders").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(result.step("core/revenue_by_country").message()).isEqualTo("upstream shop/orders failed");
        assertThat(TestWorkspace.count(runtime.warehouse(), "select count(*) from shop.orders"))
            .as("the old version is still the published one").isEqualTo(5);
        assertThat(runtime.run(result.run().id()).orElseThrow().events())
            .filteredOn(RunEvent.CheckEvaluated.class::isInstance).map(RunEvent.CheckEvaluated.class::cast)
            .extracting(RunEvent.CheckEvaluated::checkName, RunEvent.CheckEvaluated::passed,
                RunEvent.CheckEvaluated::failingRows)
            .containsExactly(tuple("unique_id", false, 2L));
    }

    @Test
    void aBrokenColumnContractFailsWithContract() {
        open(m -> m.asset("typed", a -> a.column("id", SqlType.BIGINT).sql("select 'one' as id")));

        StepResult typed = materialize("shop/typed").step("shop/typed");

        assertThat(typed.failure()).isEqualTo(FailureKind.CONTRACT);
        assertThat(typed.message()).startsWith("contract: Asset 'shop/typed' was not published: its new version"
            + " breaks the column contract: ");
    }

    @Test
    void aFlakyJavaAssetIsRetriedWithBackoffUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        open(m -> m.asset("flaky", a -> a.retries(2, Duration.ofMillis(10)).compute(ctx -> {
            ctx.log("call " + calls.incrementAndGet());
            if (calls.get() <= 2) {
                throw new IllegalStateException("the service is busy");
            }
            ctx.execute("create table " + ctx.target() + " as select 1 as x");
        })));

        RunResult result = materialize("shop/flaky");

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.step("shop/flaky")).extracting(StepResult::status, StepResult::attempts)
            .containsExactly(StepStatus.SUCCEEDED, 3);
        assertThat(runtime.run(result.run().id()).orElseThrow().steps().getFirst().attempts()).isEqualTo(3);
        List<RunEvent> events = runtime.run(result.run().id()).orElseThrow().events();
        assertThat(events).filteredOn(RunEvent.StepStarted.class::isInstance)
            .extracting(e -> ((RunEvent.StepStarted) e).attempt()).containsExactly(1, 2, 3);
        assertThat(events).filteredOn(RunEvent.Log.class::isInstance).extracting(e -> ((RunEvent.Log) e).message())
            .containsExactly("call 1",
                "attempt 1 failed (user code: The Java code of asset 'shop/flaky' failed: IllegalStateException: the"
                    + " service is busy); retrying in 10 ms",
                "call 2",
                "attempt 2 failed (user code: The Java code of asset 'shop/flaky' failed: IllegalStateException: the"
                    + " service is busy); retrying in 20 ms",
                "call 3");
    }

    @Test
    void retriesRunOutAndTheLastFailureIsKept() {
        open(m -> m.asset("broken_java", a -> a.retries(1, Duration.ofMillis(1)).compute(ctx -> {
            throw new IllegalStateException("always");
        })));

        StepResult step = materialize("shop/broken_java").step("shop/broken_java");

        assertThat(step).extracting(StepResult::status, StepResult::attempts, StepResult::failure, StepResult::message)
            .containsExactly(StepStatus.FAILED, 2, FailureKind.USER_CODE,
                "user code: The Java code of asset 'shop/broken_java' failed: IllegalStateException: always");
    }

    @Test
    void aRejectedStatementIsNotRetried() {
        open(m -> m.asset("typo", a -> a.retries(3, Duration.ofMillis(1)).sql("selec 1")));

        StepResult step = materialize("shop/typo").step("shop/typo");

        assertThat(step.attempts()).isEqualTo(1);
        assertThat(step.message()).startsWith("user code: the asset's SQL was rejected by the warehouse: Parser Error:");
    }

    @Test
    void aStatementRunningPastItsTimeoutIsCancelledAndFailsWithTimeout() {
        open(m -> m.asset("slow", a -> a.timeout(Duration.ofMillis(300)).sql(SLOW)));

        RunResult result = materialize("shop/slow");

        assertThat(result.step("shop/slow")).extracting(StepResult::status, StepResult::failure, StepResult::message)
            .containsExactly(StepStatus.FAILED, FailureKind.TIMEOUT, "timeout: Materializing 'shop/slow' was stopped"
                + " after its timeout of 300ms: the warehouse statement was cancelled and the published data is"
                + " unchanged.");
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void cancellingARunStopsItsRunningStatementAndLaunchesNothingMore() throws Exception {
        open(m -> m
            .asset("slow", a -> a.sql(SLOW))
            .asset("after_slow", a -> a.sql("select n from {{ ref('slow') }}")));
        RunOptions options = RunOptions.manual().withParallelism(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        RunListener listener = new RunListener() {
            @Override
            public void stepStarted(PlannedStep step, int attempt) {
                if (step.asset().key().name().equals("slow")) {
                    slowStarted.countDown();
                }
            }
        };
        Plan plan = runtime.plan("shop/slow+", PartitionChoice.latest());
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runtime.execute(plan, options,
            listener));

        slowStarted.await();
        Thread.sleep(300); // lets the statement reach the warehouse; cancelling earlier must work too
        options.cancellation().cancel();
        RunResult result = run.get();

        assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(result.step("shop/slow")).extracting(StepResult::status, StepResult::failure, StepResult::message)
            .containsExactly(StepStatus.CANCELED, FailureKind.CANCELED, "canceled: Materializing 'shop/slow' was"
                + " cancelled: the warehouse statement was cancelled and the published data is unchanged.");
        assertThat(result.step("shop/after_slow"))
            .extracting(StepResult::status, StepResult::failure, StepResult::message, StepResult::attempts)
            .containsExactly(StepStatus.CANCELED, FailureKind.CANCELED,
                "canceled: the run was cancelled before this step started", 0);
        assertThat(runtime.run(result.run().id()).orElseThrow().run().message()).isEqualTo("2 canceled");
    }

    @Test
    void interruptingTheThreadRunningARunCancelsItAndKeepsTheInterrupt() throws Exception {
        open(m -> m.asset("slow", a -> a.sql(SLOW)));
        CountDownLatch slowStarted = new CountDownLatch(1);
        RunListener listener = new RunListener() {
            @Override
            public void stepStarted(PlannedStep step, int attempt) {
                slowStarted.countDown();
            }
        };
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            result.complete(runtime.materialize("shop/slow", PartitionChoice.latest(), RunOptions.manual(), listener));
            stillInterrupted.complete(Thread.currentThread().isInterrupted());
        });
        caller.start();

        slowStarted.await();
        caller.interrupt();

        assertThat(result.get().status()).isEqualTo(RunStatus.CANCELED);
        assertThat(result.get().step("shop/slow").failure()).isEqualTo(FailureKind.CANCELED);
        assertThat(stillInterrupted.get()).isTrue();
    }
}
