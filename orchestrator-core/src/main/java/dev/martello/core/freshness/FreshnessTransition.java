package dev.martello.core.freshness;

import dev.martello.core.runs.AssetPartition;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of freshness status, the event SLO figures are computed from: {@code from} is null for the first
 * evaluation of an asset partition. Partition {@code ""} of a partitioned asset is the asset as a whole.
 */
public record FreshnessTransition(AssetPartition target, Instant at, FreshnessStatus from, FreshnessStatus to,
                                  String reason) {
    public FreshnessTransition {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
