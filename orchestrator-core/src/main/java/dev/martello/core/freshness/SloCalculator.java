package dev.martello.core.freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The share of time in PASS over a window, from one asset's transitions in time order. */
public final class SloCalculator {
    private SloCalculator() {
    }

    /**
     * @param transitions one asset's series in time order; the first may lie before {@code from} (the status the
     *                    window starts with)
     */
    public static Share share(List<FreshnessTransition> transitions, Instant from, Instant to) {
        Duration pass = Duration.ZERO;
        Duration tracked = Duration.ZERO;
        for (int i = 0; i < transitions.size(); i++) {
            FreshnessTransition t = transitions.get(i);
            Instant start = t.at().isBefore(from) ? from : t.at();
            Instant end = i + 1 < transitions.size() ? transitions.get(i + 1).at() : to;
            if (end.isAfter(to)) {
                end = to;
            }
            if (!end.isAfter(start)) {
                continue;
            }
            Duration d = Duration.between(start, end);
            tracked = tracked.plus(d);
            if (t.to() == FreshnessStatus.PASS) {
                pass = pass.plus(d);
            }
        }
        return new Share(pass, tracked);
    }
}
