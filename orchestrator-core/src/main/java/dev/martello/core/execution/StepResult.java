package dev.martello.core.execution;

import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.StepStatus;
import dev.martello.dsl.AssetKey;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How one step of a run ended.
 *
 * @param partition   {@code ""} for an unpartitioned asset
 * @param attempts    0 when the step never started (skipped, or the run was cancelled first)
 * @param durationMs  from the first attempt's start to the end, waits for retries included
 * @param rows        the published version's rows; empty for a view, or when nothing was published
 * @param failure     null when the step succeeded
 * @param message     {@code ""} on success; otherwise says who failed first ({@code user code: …}, {@code warehouse:
 *                    …}, {@code orchestrator: …}), with the warehouse's own message where it has one
 */
public record StepResult(AssetKey asset, String partition, StepStatus status, int attempts, long durationMs,
                         OptionalLong rows, FailureKind failure, String message) {

    public StepResult {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rows, "rows");
        message = message == null ? "" : message;
    }

    /** {@code core/gmv_daily} or {@code events/app_events[2024-01-31]}. */
    public String label() {
        return partition.isEmpty() ? asset.toString() : asset + "[" + partition + "]";
    }
}
