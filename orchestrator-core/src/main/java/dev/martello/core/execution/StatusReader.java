package dev.martello.core.execution;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.planning.PartitionKeys;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.AssetPartitionState;
import dev.martello.core.runs.RunStore;
import dev.martello.core.selection.Selections;
import dev.martello.core.staleness.Staleness;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.PartitionWindow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The status of a selection's asset partitions, from the latest states in the metadata store alone (one query):
 * every materialized partition, plus the latest complete one when it is missing, as a scheduled run would make it
 * next.
 */
final class StatusReader {
    private final AssetGraph graph;
    private final RunStore store;
    private final Clock clock;

    StatusReader(AssetGraph graph, RunStore store, Clock clock) {
        this.graph = graph;
        this.store = store;
        this.clock = clock;
    }

    /** Assets by key, each one's partitions in order. */
    List<AssetStatus> status(String selection) {
        BitSet nodes = Selections.select(graph, selection);
        List<Asset> assets = new ArrayList<>();
        nodes.stream().filter(graph::isAsset).forEach(n -> assets.add(graph.asset(n)));
        assets.sort(Comparator.comparing(a -> a.key().toString()));
        Set<AssetKey> keys = new LinkedHashSet<>();
        for (Asset a : assets) {
            keys.add(a.key());
            a.upstreams().stream().filter(AssetKey.class::isInstance).map(AssetKey.class::cast).forEach(keys::add);
        }
        Map<AssetPartition, AssetPartitionState> states = store.latestStates(keys);
        DataVersions versions = new DataVersions(graph, states);
        List<AssetStatus> out = new ArrayList<>();
        for (Asset a : assets) {
            for (String partition : partitions(a, states)) {
                AssetPartitionState latest = states.get(new AssetPartition(a.key(), partition));
                Staleness staleness = Staleness.of(a.codeVersion(), versions.current(a, window(a, partition)), latest);
                out.add(new AssetStatus(a.key(), partition, latest, staleness));
            }
        }
        return out;
    }

    private Set<String> partitions(Asset asset, Map<AssetPartition, AssetPartitionState> states) {
        if (!asset.isPartitioned()) {
            return Set.of("");
        }
        Set<String> out = new TreeSet<>();
        states.keySet().stream().filter(p -> p.asset().equals(asset.key())).forEach(p -> out.add(p.partition()));
        out.add(PartitionKeys.latestComplete(asset.partitions(), clock.instant()));
        return out;
    }

    /** A partition key that no longer parses (the partitions were redeclared) is judged against whole upstreams. */
    private static PartitionWindow window(Asset asset, String partition) {
        if (partition.isEmpty()) {
            return null;
        }
        try {
            return PartitionKeys.window(asset.partitions(), partition);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
