package dev.martello.web.freshness;

import dev.martello.core.freshness.FreshnessState;
import dev.martello.core.freshness.FreshnessStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * The API's freshness of an asset or one of its partitions: the status core's evaluator gave it, since when it has
 * had that status ({@code since}: the instant of the last transition; null when it has no policy), the same instant as
 * {@code lateSince} when the status is WARN or FAIL, and core's sentence saying why.
 */
public record FreshnessView(FreshnessStatus state, Instant since, Instant lateSince, String reason) {
    /** An asset (or source) without a freshness policy: nothing to judge. */
    public static final FreshnessView NO_POLICY = new FreshnessView(FreshnessStatus.UNKNOWN, null, null,
        "no freshness policy");

    public FreshnessView {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    public static FreshnessView of(FreshnessState state, Instant since) {
        boolean late = state.status() == FreshnessStatus.WARN || state.status() == FreshnessStatus.FAIL;
        return new FreshnessView(state.status(), since, late ? since : null, state.reason());
    }

    public boolean late() {
        return lateSince != null;
    }
}
