package dev.martello.core.freshness;

import dev.martello.core.runs.AssetPartition;

import java.util.Objects;

/** The freshness of one asset partition ({@code ""}: the asset as a whole) at one instant, and why. */
public record FreshnessState(AssetPartition target, FreshnessStatus status, String reason) {
    public FreshnessState {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }
}
