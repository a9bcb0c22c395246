package dev.martello.web.assets;

import dev.martello.web.freshness.FreshnessView;

import java.time.Instant;
import java.util.Map;

/**
 * Where an asset stands now, over all its partitions: its freshness as a whole (its worst judged partition) and per
 * judged partition ({@code partitions}, empty when unpartitioned), the worst staleness ({@code MISSING},
 * {@code STALE}, {@code UP_TO_DATE}) with its reason, and its latest materialization (null fields when there was none).
 */
public record AssetState(String key, FreshnessView freshness, Map<String, FreshnessView> partitions, String staleness,
                         String stalenessReason, Instant lastMaterializedAt, Long rows, String lastRunId) {
    public AssetState {
        partitions = Map.copyOf(partitions);
    }
}
