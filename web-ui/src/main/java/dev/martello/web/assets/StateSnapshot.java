package dev.martello.web.assets;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.freshness.FreshnessTransition;
import dev.martello.core.freshness.SloReport;
import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.AssetKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every asset's state in one workspace at one instant, immutable, built off the request path by
 * {@link AssetStates}. Requests only read it; what they derive from it (the sorted catalog rows, serialised response
 * bodies) is kept beside it, so a hundred clients asking the same thing cost one computation per snapshot, not one
 * each. A new snapshot starts with empty caches.
 */
public final class StateSnapshot {
    /** Response bodies kept per snapshot; beyond this (e.g. many distinct filters) the cache starts over. */
    static final int MAX_CACHED = 512;

    private final WorkspaceRuntime runtime;
    private final Instant at;
    private final Map<String, AssetState> states;
    private final SloReport slo;
    private final Map<AssetKey, SloReport.AssetFigures> sloByAsset;
    private final List<FreshnessTransition> transitions;
    private final ConcurrentHashMap<String, Object> derived = new ConcurrentHashMap<>();
    private volatile List<CatalogRow> catalog;

    StateSnapshot(WorkspaceRuntime runtime, Instant at, Map<String, AssetState> states, SloReport slo,
                  List<FreshnessTransition> transitions) {
        this.runtime = runtime;
        this.at = at;
        this.states = Map.copyOf(states);
        this.slo = slo;
        this.sloByAsset = slo == null ? Map.of() : slo.assets().stream()
            .collect(Collectors.toUnmodifiableMap(SloReport.AssetFigures::asset, Function.identity()));
        this.transitions = List.copyOf(transitions);
    }

    /** The runtime it was computed from; after a reload, a snapshot of the old one is not used. */
    public WorkspaceRuntime runtime() {
        return runtime;
    }

    /** When it was computed: the instant freshness was judged at. */
    public Instant at() {
        return at;
    }

    /** Asset key to state, for every asset of the graph. */
    public Map<String, AssetState> states() {
        return states;
    }

    /** SLO figures (share of time in PASS over 7 and 28 days) per asset with a policy, mart and owner; or null. */
    public SloReport slo() {
        return slo;
    }

    public SloReport.AssetFigures slo(AssetKey asset) {
        return sloByAsset.get(asset);
    }

    /** The freshness transitions found by the evaluation this snapshot was built from. */
    public List<FreshnessTransition> transitions() {
        return transitions;
    }

    /** A catalog row and its graph node (for selections). */
    public record CatalogRow(int node, AssetSummary summary) {
    }

    /** Every node of the graph (assets and sources) as catalog rows, sorted by key; built once per snapshot. */
    public List<CatalogRow> catalog() {
        List<CatalogRow> rows = catalog;
        if (rows == null) {
            AssetGraph graph = runtime.workspace().graph();
            List<CatalogRow> all = new ArrayList<>(graph.size());
            for (int n = 0; n < graph.size(); n++) {
                all.add(new CatalogRow(n, AssetViews.summary(graph, n, states)));
            }
            all.sort(Comparator.comparing(r -> r.summary().key()));
            rows = List.copyOf(all);
            catalog = rows;
        }
        return rows;
    }

    /**
     * A response body derived from this snapshot, computed once per {@code key} (concurrent first askers may both
     * compute it; either result is the same).
     */
    public byte[] body(String key, Supplier<byte[]> compute) {
        Object cached = derived.get(key);
        if (cached instanceof byte[] b) {
            return b;
        }
        byte[] b = compute.get();
        if (derived.size() >= MAX_CACHED) {
            derived.clear();
        }
        derived.put(key, b);
        return b;
    }
}
