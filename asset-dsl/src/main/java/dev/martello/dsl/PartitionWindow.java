package dev.martello.dsl;

import java.time.Instant;

/**
 * One partition being computed: its key and, for time partitions, the half-open window {@code [start, end)}
 * (both null for static partitions).
 */
public record PartitionWindow(String key, Instant start, Instant end) {
}
