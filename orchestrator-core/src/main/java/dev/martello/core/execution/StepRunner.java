package dev.martello.core.execution;

import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.warehouse.Cancellation;
import dev.martello.core.warehouse.Materialization;
import dev.martello.core.warehouse.MaterializationRequest;
import dev.martello.core.warehouse.VersionRejectedException;
import dev.martello.core.warehouse.Warehouse;
import dev.martello.core.warehouse.WarehouseException;
import dev.martello.dsl.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs one step of a run: waits for a warehouse slot, materializes, retries what may pass with the asset's backoff,
 * and records every attempt. Never throws for what the step's work throws; that becomes the step's failure.
 */
final class StepRunner {
    /** How often a step waiting for a warehouse slot looks whether its run was cancelled meanwhile. */
    private static final long SLOT_POLL_MS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final Warehouse warehouse;
    private final Semaphore warehouseSlots;
    private final RunRecorder recorder;
    private final DataVersions versions;
    private final String runId;
    private final Cancellation cancellation;
    private final CountDownLatch cancelled;

    /** @param cancelled counted down when {@code cancellation} fires, so waits end at once */
    StepRunner(Warehouse warehouse, Semaphore warehouseSlots, RunRecorder recorder, DataVersions versions,
               String runId, Cancellation cancellation, CountDownLatch cancelled) {
        this.warehouse = warehouse;
        this.warehouseSlots = warehouseSlots;
        this.recorder = recorder;
        this.versions = versions;
        this.runId = runId;
        this.cancellation = cancellation;
        this.cancelled = cancelled;
    }

    StepResult run(PlannedStep step) {
        Instant startedAt = RunRecorder.now();
        long start = System.nanoTime();
        RetryPolicy retry = step.asset().retry() == null ? RetryPolicy.NONE : step.asset().retry();
        for (int attempt = 1; ; attempt++) {
            if (!acquireSlot()) {
                return attempt == 1 ? notStarted(step)
                    : recorder.failed(step, attempt - 1, startedAt, millisSince(start), new Failure(
                        FailureKind.CANCELED, "canceled: the run was cancelled before attempt " + attempt, false));
            }
            Failure failure;
            try {
                recorder.stepStarted(step, attempt, startedAt);
                Map<String, String> inputs = versions.recorded(step.asset(), step.partition());
                long attemptStart = System.nanoTime();
                Materialization m = materialize(step);
                String dataVersion = runId + "/" + step.label();
                versions.put(new AssetPartition(step.asset().key(), step.partitionKey()), dataVersion);
                recorder.checks(step, m.checks());
                return recorder.succeeded(step, attempt, startedAt, millisSince(attemptStart), millisSince(start),
                    m.rows(), dataVersion, inputs);
            } catch (RuntimeException e) {
                failure = FailureClassifier.classify(e);
                explain(step, e);
            } finally {
                warehouseSlots.release();
            }
            if (!failure.retryable() || attempt > retry.maxRetries() || cancellation.isCancelled()) {
                return recorder.failed(step, attempt, startedAt, millisSince(start), failure);
            }
            Duration backoff = retry.backoff(attempt);
            recorder.retrying(step, attempt, failure, backoff);
            if (await(backoff)) {
                return recorder.failed(step, attempt, startedAt, millisSince(start), new Failure(FailureKind.CANCELED,
                    "canceled: the run was cancelled while the step waited to retry after: " + failure.message(),
                    false));
            }
        }
    }

    private Materialization materialize(PlannedStep step) {
        MaterializationRequest request = MaterializationRequest.of(step.asset(), runId)
            .forPartition(step.partition())
            .withCancellation(cancellation)
            .withLog(line -> recorder.log(step, RunEvent.Log.Level.INFO, line));
        return warehouse.materialize(request);
    }

    /** What the event log should keep beside the failure: the failed statement, each check's result. */
    private void explain(PlannedStep step, RuntimeException e) {
        if (e instanceof WarehouseException w && w.statement() != null) {
            recorder.log(step, RunEvent.Log.Level.ERROR, "the failed statement: " + w.statement());
        }
        if (e instanceof VersionRejectedException v) {
            recorder.checks(step, v.checks());
        }
    }

    /** A step whose run was cancelled while it waited for its first slot: it never started. */
    private StepResult notStarted(PlannedStep step) {
        return recorder.notRun(List.of(step), StepStatus.CANCELED, FailureKind.CANCELED, Executor.CANCELED_BEFORE_START)
            .getFirst();
    }

    /** Takes a warehouse slot; false when the run was cancelled first. */
    private boolean acquireSlot() {
        try {
            while (!cancellation.isCancelled()) {
                if (warehouseSlots.tryAcquire(SLOT_POLL_MS, TimeUnit.MILLISECONDS)) {
                    if (!cancellation.isCancelled()) {
                        return true;
                    }
                    warehouseSlots.release();
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits out a backoff; true when the run was cancelled meanwhile. */
    private boolean await(Duration backoff) {
        try {
            return cancelled.await(backoff.toNanos(), TimeUnit.NANOSECONDS) || cancellation.isCancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Records an unexpected throwable (a bug, or the store failing) as the step's failure, as far as possible. */
    StepResult crashed(PlannedStep step, Throwable t) {
        Failure f = Failure.orchestrator(FailureClassifier.describe(t));
        try {
            return recorder.failed(step, 0, null, 0, f);
        } catch (RuntimeException e) {
            t.addSuppressed(e);
            LOG.error("Recording the failure of {} failed", step.label(), t);
            return new StepResult(step.asset().key(), step.partitionKey(), StepStatus.FAILED, 0, 0,
                OptionalLong.empty(), f.kind(), f.message());
        }
    }
}
