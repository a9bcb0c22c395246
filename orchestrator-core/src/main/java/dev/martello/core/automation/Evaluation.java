package dev.martello.core.automation;

import dev.martello.core.runs.AssetPartition;

import java.time.Instant;
import java.util.Objects;

/**
 * One automation decision about an asset partition, kept so that {@code martello why} can explain it:
 * when, under which policy, requested or skipped, and why. {@code cronTick} is the tick an {@code onCron} request
 * answers (null otherwise).
 */
public record Evaluation(AssetPartition target, Instant at, String policy, Decision decision, String reason,
                         Instant cronTick) {
    public Evaluation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
    }

    /** The decision and its reason as one line, e.g. {@code skipped: upstream core/orders is missing}. */
    public String describe() {
        return decision.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason;
    }
}
