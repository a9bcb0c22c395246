package dev.martello.core.runs;

import dev.martello.dsl.AssetKey;

import java.util.Objects;

/**
 * One partition of an asset, the unit a run materializes and locks; {@code partition} is {@code ""} for an
 * unpartitioned asset so that it can be part of a primary key.
 */
public record AssetPartition(AssetKey asset, String partition) {

    public AssetPartition {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(partition, "partition (use \"\" for an unpartitioned asset)");
    }

    public static AssetPartition unpartitioned(AssetKey asset) {
        return new AssetPartition(asset, "");
    }

    @Override
    public String toString() {
        return partition.isEmpty() ? asset.toString() : asset + "[" + partition + "]";
    }
}
