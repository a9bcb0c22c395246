package dev.martello.core.planning;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.selection.Selections;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Asset;
import dev.martello.dsl.PartitionMapping;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.Partitions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a selection and a partition choice into a {@link Plan}: the selected assets (sources left out), one step
 * per asset partition, ordered topologically, each depending on the planned steps of its upstreams that its
 * partition mapping reads.
 */
public final class Planner {
    private final AssetGraph graph;
    private final Clock clock;

    public Planner(AssetGraph graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    public Plan plan(String selection, PartitionChoice choice) {
        return build(selection, Selections.select(graph, selection), asset -> windows(asset, choice));
    }

    /**
     * The plan of exactly these asset partitions ({@code ""} for an unpartitioned asset), with the dependencies among
     * them: how a queued run's stored steps, a retry's failed steps or a backfill chunk become a plan again.
     *
     * @throws IllegalArgumentException naming an asset the graph no longer has, or a partition it no longer has
     */
    public Plan planTargets(String selection, Collection<AssetPartition> targets) {
        Map<AssetKey, List<String>> keys = new LinkedHashMap<>();
        BitSet nodes = new BitSet();
        for (AssetPartition t : targets) {
            if (graph.asset(t.asset()).isEmpty()) {
                throw new IllegalArgumentException("Asset '" + t.asset() + "' is no longer in the workspace; it was"
                    + " removed or renamed since the run was planned.");
            }
            nodes.set(graph.indexOf(t.asset()));
            keys.computeIfAbsent(t.asset(), k -> new ArrayList<>()).add(t.partition());
        }
        return build(selection, nodes, asset -> {
            List<PartitionWindow> out = new ArrayList<>();
            for (String k : keys.get(asset.key())) {
                out.add(asset.isPartitioned() ? window(asset, k) : null);
            }
            return out;
        });
    }

    private Plan build(String selection, BitSet nodes, Function<Asset, List<PartitionWindow>> windowsOf) {
        List<PlannedStep> steps = new ArrayList<>();
        Map<Integer, Map<String, Integer>> stepsByNode = new HashMap<>();
        for (int node : graph.topologicalOrder(nodes)) {
            Asset asset = graph.asset(node);
            if (asset == null) {
                continue;
            }
            Map<String, Integer> mine = new HashMap<>();
            for (PartitionWindow w : windowsOf.apply(asset)) {
                List<Integer> deps = new ArrayList<>();
                for (int up : graph.upstream(node)) {
                    Map<String, Integer> upSteps = stepsByNode.get(up);
                    if (upSteps != null) {
                        deps.addAll(readSteps(asset, graph.asset(up), w, upSteps));
                    }
                }
                int index = steps.size();
                steps.add(new PlannedStep(index, asset, w, deps));
                mine.put(w == null ? "" : w.key(), index);
            }
            stepsByNode.put(node, mine);
        }
        return new Plan(selection, steps);
    }

    private List<PartitionWindow> windows(Asset asset, PartitionChoice choice) {
        if (!asset.isPartitioned()) {
            return java.util.Collections.singletonList(null);
        }
        Partitions p = asset.partitions();
        List<String> keys = switch (choice) {
            case PartitionChoice.Latest l -> List.of(PartitionKeys.latestComplete(p, clock.instant()));
            case PartitionChoice.Single s -> PartitionKeys.expand(p, s.key());
            case PartitionChoice.Range r -> PartitionKeys.range(p, r.from(), r.to());
        };
        List<PartitionWindow> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(window(asset, k));
        }
        return out;
    }

    private static PartitionWindow window(Asset asset, String key) {
        Partitions p = asset.partitions();
        try {
            return PartitionKeys.window(p, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Asset '" + asset.key() + "' (" + p.describe() + "): "
                + e.getMessage(), e);
        }
    }

    /** The planned upstream steps a partition reads, per the partition mapping. */
    private static List<Integer> readSteps(Asset asset, Asset upstream, PartitionWindow w, Map<String, Integer> upSteps) {
        if (w == null || !upstream.isPartitioned()) {
            return List.copyOf(upSteps.values());
        }
        PartitionMapping mapping = asset.mappingFor(upstream.key());
        if (mapping instanceof PartitionMapping.All) {
            return List.copyOf(upSteps.values());
        }
        if (mapping instanceof PartitionMapping.TimeWindow && upstream.partitions() instanceof Partitions.Time t) {
            List<Integer> out = new ArrayList<>();
            for (String k : PartitionKeys.overlapping(t, w)) {
                Integer i = upSteps.get(k);
                if (i != null) {
                    out.add(i);
                }
            }
            return out;
        }
        Integer same = upSteps.get(w.key());
        return same == null ? List.of() : List.of(same);
    }
}
