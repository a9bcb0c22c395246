package dev.martello.core.backfill;

import java.time.Instant;
import java.util.List;

/**
 * A stored backfill: its partitions in order, cut into {@code chunks} chunks of {@code chunkSize}; chunks before
 * {@code nextChunk} have been queued as runs with trigger {@code backfill:ID}, so a restart resumes at
 * {@code nextChunk}.
 */
public record Backfill(String id, String workspace, String selection, List<String> partitions, int chunkSize,
                       int nextChunk, int chunks, int priority, BackfillStatus status, Instant createdAt,
                       String message) {
    public Backfill {
        partitions = List.copyOf(partitions);
        message = message == null ? "" : message;
    }

    public List<String> chunk(int index) {
        int from = index * chunkSize;
        return partitions.subList(from, Math.min(partitions.size(), from + chunkSize));
    }

    /** The run id of a chunk: fixed, so a chunk queued just before a crash is not queued twice after it. */
    public String runId(int chunk) {
        return id + "-" + String.format("%05d", chunk);
    }

    public String trigger() {
        return "backfill:" + id;
    }
}
