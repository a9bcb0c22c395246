package dev.martello.core.freshness;

import dev.martello.core.automation.PartitionScope;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.observation.ObservationStore;
import dev.martello.core.observation.UpdateTracker;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.RunStore;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Source;
import dev.martello.dsl.SourceKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every asset's freshness policy at {@code now}, per judged partition ({@link PartitionScope}) and for the
 * asset as a whole (its worst partition), and stores a {@link FreshnessTransition} whenever a status changes. It
 * reads only new materializations (through {@link UpdateTracker}); the judging itself is in memory, since time alone
 * changes freshness. Driven by an explicit {@code now}; owns no thread; one evaluation at a time.
 */
public final class FreshnessEvaluator {
    private final AssetGraph graph;
    private final UpdateTracker updates;
    private final FreshnessStore store;
    private final Map<AssetPartition, FreshnessStatus> current = new HashMap<>();
    private final Map<AssetPartition, FreshnessState> states = new HashMap<>();
    private final Map<SourceKey, SourceFreshness> sources = new LinkedHashMap<>();

    private FreshnessEvaluator(AssetGraph graph, UpdateTracker updates, FreshnessStore store) {
        this.graph = graph;
        this.updates = updates;
        this.store = store;
        store.latest().forEach((k, t) -> current.put(k, t.to()));
    }

    public static FreshnessEvaluator open(AssetGraph graph, RunStore runs, ObservationStore observations,
                                          FreshnessStore store) {
        return new FreshnessEvaluator(graph, UpdateTracker.load(graph, runs, observations), store);
    }

    /** Judges every policy at {@code now}; stores and returns the transitions. */
    public List<FreshnessTransition> evaluate(Instant now) {
        List<FreshnessTransition> transitions = judge(now);
        store.record(transitions);
        return transitions;
    }

    /**
     * Judges every policy at {@code now} without storing anything, for readers (e.g. {@code martello freshness})
     * beside a daemon that does the storing; see {@link #states()}.
     */
    public List<FreshnessTransition> preview(Instant now) {
        return judge(now);
    }

    private List<FreshnessTransition> judge(Instant now) {
        updates.advance();
        states.clear(); // a partition no longer judged (yesterday's, once today's is complete) drops out
        List<FreshnessTransition> transitions = new ArrayList<>();
        sources.clear();
        for (int n = 0; n < graph.size(); n++) {
            Asset asset = graph.asset(n);
            if (asset == null) {
                Source source = graph.source(n);
                if (source != null && source.freshness() != null) {
                    sources.put(source.key(), FreshnessRules.judge(source, updates.sourceUpdatedAt(source.key()), now));
                }
                continue;
            }
            if (asset.freshness() == null) {
                continue;
            }
            List<String> keys = PartitionScope.of(asset, now);
            AssetPartition whole = AssetPartition.unpartitioned(asset.key());
            FreshnessState overall = null;
            for (String key : keys) {
                AssetPartition target = new AssetPartition(asset.key(), key);
                FreshnessState state = FreshnessRules.judge(asset, key, updates.materializedAt(target), now);
                if (!key.isEmpty()) {
                    note(state, now, transitions);
                    state = new FreshnessState(whole, state.status(), "partition " + key + ": " + state.reason());
                }
                if (overall == null || state.status().ordinal() > overall.status().ordinal()) {
                    overall = state;
                }
            }
            note(overall != null ? overall
                : new FreshnessState(whole, FreshnessStatus.UNKNOWN, "no complete partition yet"), now, transitions);
        }
        return transitions;
    }

    /** The states of the last evaluation: the asset as a whole under partition {@code ""}, and each partition. */
    public Map<AssetPartition, FreshnessState> states() {
        return Map.copyOf(states);
    }

    /** The sources with a freshness policy, as judged by the last evaluation, in graph order. */
    public List<SourceFreshness> sourceStates() {
        return List.copyOf(sources.values());
    }

    private void note(FreshnessState state, Instant now, List<FreshnessTransition> transitions) {
        states.put(state.target(), state);
        FreshnessStatus before = current.put(state.target(), state.status());
        if (before != state.status()) {
            transitions.add(new FreshnessTransition(state.target(), now, before, state.status(), state.reason()));
        }
    }
}
