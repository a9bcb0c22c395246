package dev.martello.core.queue;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.workspace.RunsConfig;
import dev.martello.dsl.Mart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code runs.retries}: a failed run is retried automatically, as many times as configured and no more, and each
 * retry runs only the steps that failed or were skipped; a retry that succeeds ends the chain.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class AutomaticRetryTest {
    @TempDir
    Path dir;
    final AtomicInteger okRuns = new AtomicInteger();
    final AtomicInteger flakyRuns = new AtomicInteger();
    final AtomicInteger downRuns = new AtomicInteger();
    /** How many of its first executions {@code f/flaky} fails. */
    volatile int failures;
    WorkspaceRuntime runtime;
    WorkspaceQueue queue;

    /** {@code f/ok} always succeeds; {@code f/flaky} fails its first {@link #failures} times; {@code f/down} reads it. */
    Mart mart() {
        return Mart.application("f").owner("team:t")
            .asset("ok", a -> a.compute(ctx -> {
                okRuns.incrementAndGet();
                ctx.execute("create table " + ctx.target() + " as select 1 as x");
            }))
            .asset("flaky", a -> a.compute(ctx -> {
                if (flakyRuns.incrementAndGet() <= failures) {
                    throw new IllegalStateException("flaky failure #" + flakyRuns.get());
                }
                ctx.execute("create table " + ctx.target() + " as select 1 as x");
            }))
            .asset("down", a -> a.dependsOn("f/flaky").compute(ctx -> {
                downRuns.incrementAndGet();
                ctx.execute("create table " + ctx.target() + " as select 1 as x");
            }))
            .build();
    }

    void open(int retries) {
        runtime = WorkspaceRuntime.open(Probe.workspace(dir, null, new RunsConfig(1, null, retries), Map.of(),
            List.of(), mart()), RuntimeSettings.defaults());
        queue = new WorkspaceQueue(runtime).start();
    }

    @AfterEach
    void close() {
        if (queue != null) {
            queue.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    /** Every run, oldest first, once none is queued or executing (a retry is queued before its failed run is done). */
    List<Run> settled() throws InterruptedException {
        while (true) {
            List<Run> runs = runtime.store().runs(100);
            if (queue.running() == 0 && runs.stream().allMatch(r -> r.status().isTerminal())) {
                return runs.stream().sorted(Comparator.comparing(Run::attempt)).toList();
            }
            Thread.sleep(20);
        }
    }

    List<String> stepsOf(Run run) {
        return runtime.store().steps(run.id()).stream().map(s -> s.asset() + " " + s.status()).sorted().toList();
    }

    @Test
    void aFailedRunIsRetriedTheConfiguredNumberOfTimesWithOnlyItsFailedAndSkippedSteps() throws Exception {
        failures = Integer.MAX_VALUE;
        open(2);

        Run first = queue.submit(RunRequest.of("probe", "f/*", PartitionChoice.latest(), "manual"));
        List<Run> runs = settled();

        assertThat(runs).extracting(Run::attempt, Run::status, Run::retryOf).containsExactly(
            tuple(1, RunStatus.FAILED, null),
            tuple(2, RunStatus.FAILED, first.id()),
            tuple(3, RunStatus.FAILED, runs.get(1).id()));
        assertThat(runs.get(1).trigger()).isEqualTo("retry:" + first.id());
        assertThat(stepsOf(runs.get(0))).containsExactly("f/down SKIPPED", "f/flaky FAILED", "f/ok SUCCEEDED");
        assertThat(stepsOf(runs.get(1))).containsExactly("f/down SKIPPED", "f/flaky FAILED");
        assertThat(stepsOf(runs.get(2))).containsExactly("f/down SKIPPED", "f/flaky FAILED");
        assertThat(okRuns).as("the succeeded step is not run again").hasValue(1);
        assertThat(flakyRuns).as("one first attempt and two retries").hasValue(3);
        assertThat(downRuns).hasValue(0);
    }

    @Test
    void aRetryThatSucceedsEndsTheChain() throws Exception {
        failures = 1;
        open(3);

        Run first = queue.submit(RunRequest.of("probe", "f/*", PartitionChoice.latest(), "manual"));
        List<Run> runs = settled();

        assertThat(runs).extracting(Run::attempt, Run::status).containsExactly(
            tuple(1, RunStatus.FAILED), tuple(2, RunStatus.SUCCEEDED));
        assertThat(runs.get(1).retryOf()).isEqualTo(first.id());
        assertThat(runtime.store().steps(runs.get(1).id())).extracting(s -> s.asset().toString(), Step::status)
            .containsExactlyInAnyOrder(tuple("f/flaky", StepStatus.SUCCEEDED), tuple("f/down", StepStatus.SUCCEEDED));
        assertThat(okRuns).hasValue(1);
        assertThat(flakyRuns).hasValue(2);
        assertThat(downRuns).hasValue(1);
    }

    @Test
    void withoutRetriesAFailedRunStaysFailedAlone() throws Exception {
        failures = Integer.MAX_VALUE;
        open(0);

        queue.submit(RunRequest.of("probe", "f/*", PartitionChoice.latest(), "manual"));

        assertThat(settled()).extracting(Run::attempt, Run::status).containsExactly(tuple(1, RunStatus.FAILED));
        assertThat(flakyRuns).hasValue(1);
    }
}
