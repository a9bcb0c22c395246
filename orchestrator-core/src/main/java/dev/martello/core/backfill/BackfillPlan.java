package dev.martello.core.backfill;

import java.util.List;

/**
 * What a backfill will do, for {@code --dry-run}: the partitions it covers (after leaving out those already there,
 * when asked), how many were left out, the chunks and the steps in all.
 */
public record BackfillPlan(BackfillRequest request, List<String> partitions, int skipped, int chunks, int steps) {
    public BackfillPlan {
        partitions = List.copyOf(partitions);
    }
}
