package dev.martello.core.freshness;

import dev.martello.core.runs.AssetPartition;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where freshness transitions are kept: the history SLO figures come from. */
public interface FreshnessStore {

    /** Stores transitions in one batch. */
    void record(List<FreshnessTransition> transitions);

    /** The newest transition of every asset partition: its current status as last evaluated. */
    Map<AssetPartition, FreshnessTransition> latest();

    /**
     * The whole-asset series (partition {@code ""}) for the window {@code [from, to]}: per asset the last transition
     * at or before {@code from} (the status the window starts with), then every one after it up to {@code to}, in
     * time order.
     */
    List<FreshnessTransition> assetHistory(Instant from, Instant to);
}
