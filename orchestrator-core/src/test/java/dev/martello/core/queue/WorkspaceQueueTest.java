package dev.martello.core.queue;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.workspace.PoolConfig;
import dev.martello.core.workspace.RunsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run queue on the embedded default: limits, pools, priorities, cancel and retries. */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class WorkspaceQueueTest {
    @TempDir
    Path dir;
    final Probe probe = new Probe();
    WorkspaceRuntime runtime;
    WorkspaceQueue queue;

    WorkspaceQueue open(RunsConfig runs, Map<String, PoolConfig> pools) {
        runtime = WorkspaceRuntime.open(Probe.workspace(dir, null, runs, pools, List.of(), probe.marts(70, 30)),
            RuntimeSettings.defaults().withWarehouseConcurrency(8));
        queue = new WorkspaceQueue(runtime).start();
        return queue;
    }

    @AfterEach
    void close() {
        probe.gate.countDown();
        if (queue != null) {
            queue.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    Run await(Run run) throws InterruptedException {
        while (true) {
            Run now = runtime.store().run(run.id()).orElseThrow();
            if (now.status().isTerminal()) {
                return now;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void limitsAreNeverExceededUnderAHundredConcurrentSubmissions() throws Exception {
        open(new RunsConfig(3, null, null), Map.of("heavy", new PoolConfig(1, List.of("heavy"), List.of())));
        ExecutorService submitters = Executors.newFixedThreadPool(100);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Run>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String asset = i < 70 ? "light/a" + i : "heavy/h" + (i - 70);
            futures.add(submitters.submit(() -> {
                go.await();
                return queue.submit(RunRequest.of("probe", asset, PartitionChoice.latest(), "manual"));
            }));
        }
        go.countDown();
        List<Run> runs = new ArrayList<>();
        for (Future<Run> f : futures) {
            runs.add(f.get());
        }
        submitters.shutdown();
        for (Run r : runs) {
            assertThat(await(r).status()).as(r.selection()).isEqualTo(RunStatus.SUCCEEDED);
        }
        assertThat(probe.executions.get()).isEqualTo(100);
        assertThat(probe.max.get()).as("runs executing at once").isBetween(1, 3);
        assertThat(probe.heavyMax.get()).as("runs of the heavy pool at once").isEqualTo(1);
        assertThat(runs.stream().filter(r -> r.selection().startsWith("heavy")))
            .allSatisfy(r -> assertThat(r.pools()).containsExactly("heavy"));
    }

    @Test
    void aQueuedRunStoresItsPlannedStepsAsPendingAndHigherPriorityStartsFirst() throws Exception {
        open(new RunsConfig(1, null, null), Map.of());
        probe.gate = new CountDownLatch(1);
        Run blocker = queue.submit(RunRequest.of("probe", "gated/g", PartitionChoice.latest(), "manual"));
        while (runtime.store().run(blocker.id()).orElseThrow().status() != RunStatus.STARTED) {
            Thread.sleep(10);
        }
        Run low = queue.submit(RunRequest.of("probe", "light/a1", PartitionChoice.latest(), "manual"));
        Run high = queue.submit(RunRequest.of("probe", "light/a2", PartitionChoice.latest(), "manual")
            .withPriority(10));

        assertThat(runtime.store().run(low.id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
        assertThat(runtime.store().steps(low.id())).extracting(Step::status).containsExactly(StepStatus.PENDING);
        probe.gate.countDown();
        assertThat(await(low).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(await(high).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(probe.order).containsSubsequence("gated/g", "light/a2", "light/a1");
    }

    @Test
    void aQueuedRunCanBeCanceledAndAFailedRunRetriesOnlyWhatFailed() throws Exception {
        open(new RunsConfig(1, null, null), Map.of());
        probe.gate = new CountDownLatch(1);
        Run blocker = queue.submit(RunRequest.of("probe", "gated/g", PartitionChoice.latest(), "manual"));
        Run waiting = queue.submit(RunRequest.of("probe", "light/a3", PartitionChoice.latest(), "manual"));

        assertThat(queue.cancel(waiting.id())).isTrue();
        assertThat(runtime.store().run(waiting.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELED);
        assertThat(runtime.store().steps(waiting.id())).extracting(Step::status)
            .containsExactly(StepStatus.CANCELED);
        assertThat(queue.cancel(blocker.id())).as("a started run of this node is canceled too").isTrue();
        probe.gate.countDown();
        assertThat(await(blocker).status()).isEqualTo(RunStatus.CANCELED);

        Run retry = queue.retry(blocker.id());
        assertThat(retry.trigger()).isEqualTo("retry:" + blocker.id());
        assertThat(retry.retryOf()).isEqualTo(blocker.id());
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(await(retry).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runtime.store().steps(retry.id())).extracting(s -> s.asset().toString()).containsExactly("gated/g");
        assertThatThrownBy(() -> queue.retry(retry.id())).hasMessage("Run " + retry.id()
            + " is SUCCEEDED; only a FAILED or CANCELED run can be retried.");
    }

    @Test
    void anEmptySelectionIsRefusedWithTheReason() {
        open(RunsConfig.DEFAULTS, Map.of());
        assertThatThrownBy(() -> queue.submit(RunRequest.of("probe", "light/a1 and light/a2", PartitionChoice.latest(),
            "manual"))).hasMessageContaining("has no assets to materialize in workspace 'probe'");
        assertThat(runtime.store().runs(10)).isEmpty();
    }
}
