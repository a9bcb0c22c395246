package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.PartitionWindow;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to materialize: an asset (one partition of it, for incremental assets) in a run, with a time limit.
 *
 * <p>{@code MaterializationRequest.of(asset, runId).forPartition(window).withTimeout(Duration.ofMinutes(5))}
 *
 * @param partition null unless the asset is incremental
 * @param timeout null for no limit; defaults to the asset's own timeout
 * @param log receives the lines a Java asset logs
 */
public record MaterializationRequest(Asset asset, String runId, PartitionWindow partition, Duration timeout,
                                     Cancellation cancellation, Consumer<String> log) {

    public MaterializationRequest {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(runId, "runId");
        cancellation = cancellation == null ? new Cancellation() : cancellation;
        log = log == null ? line -> { } : log;
    }

    public static MaterializationRequest of(Asset asset, String runId) {
        return new MaterializationRequest(asset, runId, null, asset.timeout(), null, null);
    }

    public MaterializationRequest forPartition(PartitionWindow window) {
        return new MaterializationRequest(asset, runId, window, timeout, cancellation, log);
    }

    public MaterializationRequest withTimeout(Duration limit) {
        return new MaterializationRequest(asset, runId, partition, limit, cancellation, log);
    }

    public MaterializationRequest withCancellation(Cancellation value) {
        return new MaterializationRequest(asset, runId, partition, timeout, value, log);
    }

    public MaterializationRequest withLog(Consumer<String> sink) {
        return new MaterializationRequest(asset, runId, partition, timeout, cancellation, sink);
    }
}
