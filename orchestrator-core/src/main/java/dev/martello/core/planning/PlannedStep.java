package dev.martello.core.planning;

import dev.martello.dsl.Asset;
import dev.martello.dsl.PartitionWindow;

import java.util.List;

/**
 * One unit of work: an asset, and for partitioned assets one partition. {@code dependsOn} holds the indexes (in
 * the plan's step list) of the steps that must succeed first.
 */
public record PlannedStep(int index, Asset asset, PartitionWindow partition, List<Integer> dependsOn) {
    public PlannedStep {
        dependsOn = List.copyOf(dependsOn);
    }

    /** The partition key, or {@code ""} for an unpartitioned asset. */
    public String partitionKey() {
        return partition == null ? "" : partition.key();
    }

    /** {@code core/gmv_daily} or {@code events/app_events[2024-01-31]}. */
    public String label() {
        return partition == null ? asset.key().toString() : asset.key() + "[" + partition.key() + "]";
    }
}
