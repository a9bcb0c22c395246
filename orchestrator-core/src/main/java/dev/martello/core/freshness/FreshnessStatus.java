package dev.martello.core.freshness;

/**
 * How fresh an asset (partition) is against its policy. {@code UNKNOWN}: nothing to judge yet (never materialized,
 * or no complete partition). Ordered from best to worst, so an asset is as fresh as its worst judged partition.
 */
public enum FreshnessStatus {
    PASS, UNKNOWN, WARN, FAIL;

    public FreshnessStatus worst(FreshnessStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
