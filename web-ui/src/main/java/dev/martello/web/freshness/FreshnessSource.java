package dev.martello.web.freshness;

/**
 * Who evaluates freshness and records its transitions for a hosted workspace. Exactly one process may record, or
 * every transition would be stored twice and the SLO figures would count time twice.
 */
public enum FreshnessSource {
    /**
     * This server: it evaluates every policy on its own timer and records the transitions ({@code martello dev},
     * where no daemon runs core's freshness task).
     */
    SERVER,
    /**
     * A daemon ({@code martello serve}) runs core's freshness task and records the transitions; the server only
     * previews the same evaluation for its pages and live events, and reads the SLO figures from what was stored.
     */
    DAEMON
}
