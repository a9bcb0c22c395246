package dev.martello.core.freshness;

import java.time.Duration;

/**
 * Time in PASS out of the time tracked in a window; the SLO figure is their ratio. Time before an asset's first
 * evaluation is not tracked, so a new asset is not punished for the days before it existed; UNKNOWN, WARN and FAIL
 * time counts as tracked and not passing.
 */
public record Share(Duration pass, Duration tracked) {
    public static final Share NONE = new Share(Duration.ZERO, Duration.ZERO);

    public Share plus(Share other) {
        return new Share(pass.plus(other.pass), tracked.plus(other.tracked));
    }

    /** PASS time over tracked time, or null when nothing was tracked. */
    public Double ratio() {
        return tracked.isZero() ? null : (double) pass.toNanos() / tracked.toNanos();
    }

    /** E.g. {@code 99.2%}, or {@code n/a}. */
    public String percent() {
        Double r = ratio();
        return r == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", r * 100);
    }
}
