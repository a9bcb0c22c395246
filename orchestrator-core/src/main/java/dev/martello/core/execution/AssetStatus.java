package dev.martello.core.execution;

import dev.martello.core.runs.AssetPartitionState;
import dev.martello.core.staleness.Staleness;
import dev.martello.dsl.AssetKey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one asset partition stands: its latest materialization (null when there was none) and whether that still
 * reflects the asset's code and inputs.
 *
 * <p>{@code status.label() + "  " + status.staleness().describe()} prints {@code core/gmv_daily  UP-TO-DATE}
 */
public record AssetStatus(AssetKey asset, String partition, AssetPartitionState latest, Staleness staleness) {

    public AssetStatus {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(staleness, "staleness");
    }

    public Optional<Instant> materializedAt() {
        return Optional.ofNullable(latest).map(AssetPartitionState::materializedAt);
    }

    public String label() {
        return partition.isEmpty() ? asset.toString() : asset + "[" + partition + "]";
    }
}
