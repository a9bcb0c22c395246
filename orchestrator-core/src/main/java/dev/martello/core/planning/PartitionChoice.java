package dev.martello.core.planning;

/**
 * Which partitions of the selected partitioned assets to materialize: the latest complete one (the default, as a
 * daily schedule would), one key, or an inclusive range.
 */
public sealed interface PartitionChoice {

    record Latest() implements PartitionChoice {
    }

    record Single(String key) implements PartitionChoice {
    }

    record Range(String from, String to) implements PartitionChoice {
    }

    static PartitionChoice latest() {
        return new Latest();
    }
}
