package dev.martello.web.assets;

import dev.martello.web.freshness.FreshnessView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One catalog row: an asset or a source with its current state (state fields are null for sources). */
public record AssetSummary(String key, String type, String mart, String martKind, String kind, List<String> owners,
                           Map<String, String> tags, String description, boolean exposed, boolean partitioned,
                           String freshnessPolicy, FreshnessView freshness, String staleness, String stalenessReason,
                           Instant lastMaterializedAt, Long rows, String lastRunId) {
}
