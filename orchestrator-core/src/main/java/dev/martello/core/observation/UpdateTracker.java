package dev.martello.core.observation;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.AssetPartitionState;
import dev.martello.core.runs.RunStore;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.SourceKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest update of every asset partition (its last materialization) and every source (its last new data
 * version), kept in memory and moved forward by cursors over the event log and the source observations. Loaded once
 * (one query over the graph), then each {@link #advance()} costs what changed since the last one, so evaluators
 * built on it do not grow with the graph.
 */
public final class UpdateTracker {
    /**
     * Event ids are allocated before their transaction commits, so a run's event may become visible after a higher
     * id was read; each advance reads back this many ids (comparing times, so nothing counts twice).
     */
    static final int LOOKBACK = 500;
    private static final int PAGE = 10_000;

    private final AssetGraph graph;
    private final ObservationStore store;
    private final Map<AssetPartition, Instant> materialized;
    private final Map<SourceKey, Instant> sourceUpdated = new HashMap<>();
    private long eventCursor;
    private long observationCursor;

    private UpdateTracker(AssetGraph graph, ObservationStore store, Map<AssetPartition, Instant> materialized) {
        this.graph = graph;
        this.store = store;
        this.materialized = materialized;
    }

    /** Reads the latest state of every asset of the graph and every source, and starts the cursors there. */
    public static UpdateTracker load(AssetGraph graph, RunStore runs, ObservationStore store) {
        long events = store.lastEventId(); // before the states: what lands in between is read again, harmlessly
        long observations = store.lastObservationId();
        List<AssetKey> keys = new ArrayList<>();
        for (Asset a : graph.assets()) {
            keys.add(a.key());
        }
        Map<AssetPartition, Instant> materialized = new HashMap<>();
        for (AssetPartitionState s : runs.latestStates(keys).values()) {
            materialized.put(s.target(), s.materializedAt());
        }
        UpdateTracker tracker = new UpdateTracker(graph, store, materialized);
        store.latestObservations().forEach((k, o) -> tracker.sourceUpdated.put(k, o.observedAt()));
        tracker.eventCursor = events;
        tracker.observationCursor = observations;
        return tracker;
    }

    /** Reads what happened since the last call; returns the nodes (assets or sources) that got a newer update. */
    public BitSet advance() {
        BitSet changed = new BitSet(graph.size());
        long from = Math.max(0, eventCursor - LOOKBACK);
        List<MaterializationEntry> page;
        do {
            page = store.materializationsAfter(from, PAGE);
            for (MaterializationEntry e : page) {
                Instant known = materialized.get(e.target());
                if (known == null || e.at().isAfter(known)) {
                    materialized.put(e.target(), e.at());
                    int node = graph.indexOf(e.target().asset());
                    if (node >= 0) {
                        changed.set(node);
                    }
                }
                from = e.eventId();
                eventCursor = Math.max(eventCursor, e.eventId());
            }
        } while (page.size() == PAGE);
        List<SourceObservation> observed;
        do {
            observed = store.observationsAfter(observationCursor, PAGE);
            for (SourceObservation o : observed) {
                sourceUpdated.merge(o.source(), o.observedAt(), (a, b) -> a.isAfter(b) ? a : b);
                int node = graph.indexOf(o.source());
                if (node >= 0) {
                    changed.set(node);
                }
                observationCursor = o.id();
            }
        } while (observed.size() == PAGE);
        return changed;
    }

    /** When the asset partition was last materialized, or null when never. */
    public Instant materializedAt(AssetPartition target) {
        return materialized.get(target);
    }

    /** When the source last got a new data version, or null when it was never observed. */
    public Instant sourceUpdatedAt(SourceKey source) {
        return sourceUpdated.get(source);
    }
}
