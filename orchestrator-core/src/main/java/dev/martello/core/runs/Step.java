package dev.martello.core.runs;

import dev.martello.dsl.AssetKey;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one asset partition within a run. {@code partition} is {@code ""} for an unpartitioned asset;
 * {@code failure} is null unless the step failed, was skipped or was canceled; {@code message} is {@code ""} or says
 * why (the warehouse's own message for a warehouse failure).
 */
public record Step(
    String runId,
    AssetKey asset,
    String partition,
    StepStatus status,
    int attempts,
    Instant startedAt,
    Instant finishedAt,
    FailureKind failure,
    String message) {

    public Step {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(partition, "partition (use \"\" for an unpartitioned asset)");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    public static Step pending(String runId, AssetPartition target) {
        return new Step(runId, target.asset(), target.partition(), StepStatus.PENDING, 0, null, null, null, "");
    }

    public AssetPartition target() {
        return new AssetPartition(asset, partition);
    }
}
