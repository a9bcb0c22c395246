package dev.martello.core.observation;

import dev.martello.dsl.SourceKey;

import java.time.Instant;
import java.util.Objects;

/**
 * A new data version of a source, seen by polling it: automation counts it as an upstream update at
 * {@code observedAt}. {@code dataVersion} is what was read, e.g. {@code max(_loaded_at)=2026-03-01 06:00:00} or
 * {@code rows=1200}; {@code id} orders observations (0 before it is stored).
 */
public record SourceObservation(long id, SourceKey source, Instant observedAt, String dataVersion) {
    public SourceObservation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(dataVersion, "dataVersion");
    }
}
