package dev.martello.core.backfill;

import java.util.Objects;

/**
 * A backfill asked for: the selection's partitioned assets over the partitions {@code from} … {@code to} (inclusive),
 * cut into runs of at most {@code chunkSize} partitions; with {@code onlyMissingOrFailed}, partitions every selected
 * asset already has (and whose last attempt did not fail) are left out.
 */
public record BackfillRequest(String workspace, String selection, String from, String to, int chunkSize,
                              boolean onlyMissingOrFailed, int priority) {
    public BackfillRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("A backfill chunk holds at least 1 partition, not " + chunkSize
                + "; pass --chunk N with N >= 1.");
        }
    }
}
