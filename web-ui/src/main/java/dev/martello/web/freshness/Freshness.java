package dev.martello.web.freshness;

import java.time.Instant;
import java.util.Objects;

/**
 * One freshness verdict: the state, since when it is late ({@code lateSince}, null unless WARN or FAIL), and a
 * sentence saying why, e.g. {@code last materialized 3h 10m ago; the policy allows 2h}.
 */
public record Freshness(FreshnessState state, Instant lateSince, String reason) {
    public Freshness {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }
}
