package dev.martello.dsl;

/**
 * A table produced outside the orchestrator (ingestion, an application database). Never materialized; it can be
 * observed through {@code loadedAtColumn} (the max of that column tells when new data arrived).
 *
 * <p>{@code .source("raw_commerce.orders", s -> s.loadedAt("_loaded_at").describedAs("Orders as loaded"))}
 */
public record Source(SourceKey key, String description, String loadedAtColumn, FreshnessPolicy freshness,
                     Location location) {
    public Source {
        description = description == null ? "" : description;
    }
}
