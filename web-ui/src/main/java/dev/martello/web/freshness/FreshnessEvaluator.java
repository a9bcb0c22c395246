package dev.martello.web.freshness;

import dev.martello.dsl.FreshnessPolicy;

import java.time.Instant;

/**
 * Judges an asset's freshness. The server's evaluator computes it from the policy and the latest materialization
 * ({@link PolicyFreshnessEvaluator}); the automation engine's stored evaluations can take its place without the pages
 * or the API changing.
 */
public interface FreshnessEvaluator {

    /**
     * @param policy           the asset's policy, or null when it has none (then UNKNOWN)
     * @param lastMaterialized its latest materialization, or null when it was never materialized
     */
    Freshness evaluate(FreshnessPolicy policy, Instant lastMaterialized, Instant now);
}
