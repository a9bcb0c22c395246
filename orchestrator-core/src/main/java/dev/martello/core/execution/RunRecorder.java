package dev.martello.core.execution;

import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunEventBuffer;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.warehouse.CheckResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes what happens in a run to the metadata store (events and step rows, through the batching buffer) and tells the
 * listener. Thread-safe: the run's step threads call it concurrently.
 */
final class RunRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private final RunEventBuffer events;
    private final RunListener listener;
    private final String runId;
    private final Object listenerLock = new Object();

    RunRecorder(RunEventBuffer events, RunListener listener, String runId) {
        this.events = events;
        this.listener = listener;
        this.runId = runId;
    }

    /** What the store keeps, so that what we hand out reads back equal. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    void runStarted(Run run, Plan plan) {
        events.add(new RunEvent.RunStarted(runId, run.startedAt()));
        tell(() -> listener.runStarted(run, plan));
    }

    /** Buffered, not written: a step that ends within the buffer's delay never has its RUNNING row written. */
    void stepStarted(PlannedStep step, int attempt, Instant startedAt) {
        events.add(new RunEvent.StepStarted(runId, now(), step.asset().key(), step.partitionKey(), attempt),
            new Step(runId, step.asset().key(), step.partitionKey(), StepStatus.RUNNING, attempt, startedAt, null,
                null, ""));
        tell(() -> listener.stepStarted(step, attempt));
    }

    void log(PlannedStep step, RunEvent.Log.Level level, String message) {
        events.add(new RunEvent.Log(runId, now(), step.asset().key(), step.partitionKey(), level, message));
    }

    void retrying(PlannedStep step, int attempt, Failure failure, Duration backoff) {
        log(step, RunEvent.Log.Level.WARN, "attempt " + attempt + " failed (" + failure.message() + "); retrying in "
            + backoff.toMillis() + " ms");
    }

    void checks(PlannedStep step, List<CheckResult> results) {
        Instant at = now();
        for (CheckResult c : results) {
            events.add(new RunEvent.CheckEvaluated(runId, at, step.asset().key(), step.partitionKey(), c.name(),
                c.severity(), c.passed(), c.failingRows(), c.message()));
        }
    }

    /**
     * The published version: its event (which also moves the partition's latest state) and the step's row, written in
     * one transaction before this returns.
     */
    StepResult succeeded(PlannedStep step, int attempts, Instant startedAt, long attemptMs, long stepMs,
                         OptionalLong rows, String dataVersion, Map<String, String> inputs) {
        Instant at = now();
        // -1 rows: a view, whose rows exist only when it is read.
        return finish(step, new RunEvent.Materialized(runId, at, step.asset().key(), step.partitionKey(),
            rows.orElse(-1), attemptMs, step.asset().codeVersion(), dataVersion, inputs),
            new Step(runId, step.asset().key(), step.partitionKey(), StepStatus.SUCCEEDED, attempts, startedAt, at,
                null, ""), stepMs, rows);
    }

    StepResult failed(PlannedStep step, int attempts, Instant startedAt, long stepMs, Failure failure) {
        Instant at = now();
        StepStatus status = failure.kind() == FailureKind.CANCELED ? StepStatus.CANCELED : StepStatus.FAILED;
        return finish(step, new RunEvent.StepFailed(runId, at, step.asset().key(), step.partitionKey(),
            failure.kind(), failure.message()), new Step(runId, step.asset().key(), step.partitionKey(), status,
            attempts, startedAt, at, failure.kind(), failure.message()), stepMs, OptionalLong.empty());
    }

    /** Steps that will never start (skipped, or left when the run was cancelled), in one transaction. */
    List<StepResult> notRun(List<PlannedStep> steps, StepStatus status, FailureKind kind, String cause) {
        Instant at = now();
        List<RunEvent> skipped = new ArrayList<>(steps.size());
        List<Step> rows = new ArrayList<>(steps.size());
        for (PlannedStep s : steps) {
            skipped.add(new RunEvent.StepSkipped(runId, at, s.asset().key(), s.partitionKey(), cause));
            rows.add(new Step(runId, s.asset().key(), s.partitionKey(), status, 0, null, at, kind, cause));
        }
        events.addAll(skipped, rows);
        List<StepResult> out = new ArrayList<>(steps.size());
        for (PlannedStep s : steps) {
            StepResult r = new StepResult(s.asset().key(), s.partitionKey(), status, 0, 0, OptionalLong.empty(), kind,
                cause);
            tell(() -> listener.stepFinished(s, r));
            out.add(r);
        }
        return out;
    }

    void runFinished(RunResult result) {
        tell(() -> listener.runFinished(result));
    }

    private StepResult finish(PlannedStep step, RunEvent end, Step row, long stepMs, OptionalLong rows) {
        events.add(end, row);
        StepResult r = new StepResult(row.asset(), row.partition(), row.status(), row.attempts(), stepMs, rows,
            row.failure(), row.message());
        tell(() -> listener.stepFinished(step, r));
        return r;
    }

    /** One listener call at a time; a failing listener (a broken terminal) must not fail the run. */
    private void tell(Runnable call) {
        synchronized (listenerLock) {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("A run listener failed; the run goes on", e);
            }
        }
    }
}
