package dev.martello.web.assets;

import dev.martello.web.freshness.Freshness;

import java.time.Instant;

/**
 * Where an asset stands now, over all its partitions: freshness, the worst staleness ({@code MISSING}, {@code STALE},
 * {@code UP_TO_DATE}) with its reason, and its latest materialization (null fields when there was none).
 */
public record AssetState(String key, Freshness freshness, String staleness, String stalenessReason,
                         Instant lastMaterializedAt, Long rows, String lastRunId) {
}
