package dev.martello.web.freshness;

import dev.martello.dsl.FreshnessPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The freshness SLO figure: the share of time an asset was in PASS over a window, judged every
 * {@value #STEP_MINUTES} minutes with the evaluator from the materializations known at that time. Time before the
 * asset's first known materialization is left out (a new asset starts its record when it first lands).
 */
public final class SloCalculator {
    static final int STEP_MINUTES = 15;
    private final FreshnessEvaluator evaluator;

    public SloCalculator(FreshnessEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * @param materializations instants, oldest first
     * @return the share in [0, 1], or null when there is no policy or nothing was materialized before {@code now}
     */
    public Double passShare(FreshnessPolicy policy, List<Instant> materializations, Instant now, Duration window) {
        if (policy == null || materializations.isEmpty() || materializations.getFirst().isAfter(now)) {
            return null;
        }
        Instant start = now.minus(window);
        Instant first = materializations.getFirst();
        Instant t = first.isAfter(start) ? first : start;
        Duration step = Duration.ofMinutes(STEP_MINUTES);
        int i = 0;
        int samples = 0;
        int passing = 0;
        for (; !t.isAfter(now); t = t.plus(step)) {
            while (i + 1 < materializations.size() && !materializations.get(i + 1).isAfter(t)) {
                i++;
            }
            samples++;
            if (evaluator.evaluate(policy, materializations.get(i), t).state() == FreshnessState.PASS) {
                passing++;
            }
        }
        return samples == 0 ? null : (double) passing / samples;
    }
}
