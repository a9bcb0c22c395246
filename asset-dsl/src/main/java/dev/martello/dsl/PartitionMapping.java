package dev.martello.dsl;

/**
 * Which partitions of an upstream a partition of this asset reads. Needed when both are partitioned differently,
 * e.g. a daily asset reading an hourly one.
 *
 * <p>{@code .dependsOn("events/app_events_hourly", PartitionMapping.timeWindow())}
 */
public sealed interface PartitionMapping {

    /** Partition {@code p} reads the upstream's partition {@code p}; the default for equal partitioning. */
    record Identity() implements PartitionMapping {
    }

    /** Each partition reads the upstream partitions overlapping its time window (e.g. the 24 hours of a day). */
    record TimeWindow() implements PartitionMapping {
    }

    /** Each partition reads the whole upstream. */
    record All() implements PartitionMapping {
    }

    static PartitionMapping identity() {
        return new Identity();
    }

    static PartitionMapping timeWindow() {
        return new TimeWindow();
    }

    static PartitionMapping all() {
        return new All();
    }
}
