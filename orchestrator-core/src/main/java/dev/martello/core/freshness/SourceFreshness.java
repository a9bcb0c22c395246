package dev.martello.core.freshness;

import dev.martello.dsl.SourceKey;

import java.util.Objects;

/**
 * A source's freshness at the last evaluation, judged from when new data was last observed in it. Kept apart from
 * the asset states: sources are never materialized, so they have no partitions, transitions table rows or SLO.
 */
public record SourceFreshness(SourceKey source, FreshnessStatus status, String reason) {
    public SourceFreshness {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }
}
