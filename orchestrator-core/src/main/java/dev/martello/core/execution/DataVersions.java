package dev.martello.core.execution;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.planning.PartitionKeys;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.AssetPartitionState;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.PartitionMapping;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.Partitions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The latest data version of every asset partition known, and the versions an asset partition reads from its
 * upstreams. The executor records {@link #recorded} with each materialization and {@code status} compares it with
 * {@link #current}; both come from {@link #read}, so they agree by construction.
 *
 * <p>An upstream read whole or over several partitions (a day of an hourly asset) has one version standing for all
 * of them: a hash of their versions, which changes when any of them does. Sources have no version yet (nothing
 * observes them), so they never make an asset stale, but adding or removing one does.
 */
final class DataVersions {
    /** Recorded for an input that had no version when read: a source, or an upstream never materialized. */
    static final String NONE = "none";

    private final AssetGraph graph;
    private final Map<AssetKey, NavigableMap<String, String>> versions = new ConcurrentHashMap<>();

    DataVersions(AssetGraph graph, Map<AssetPartition, AssetPartitionState> latest) {
        this.graph = graph;
        latest.forEach((target, state) -> put(target, state.dataVersion()));
    }

    void put(AssetPartition target, String dataVersion) {
        versions.computeIfAbsent(target.asset(), k -> new ConcurrentSkipListMap<>()).put(target.partition(), dataVersion);
    }

    /** Each upstream key mapped to its version now, or to null when it has none. */
    Map<String, String> current(Asset asset, PartitionWindow partition) {
        return read(asset, partition);
    }

    /** Each upstream key mapped to its version now, or to {@link #NONE}: what a materialization records. */
    Map<String, String> recorded(Asset asset, PartitionWindow partition) {
        Map<String, String> out = read(asset, partition);
        out.replaceAll((k, v) -> v == null ? NONE : v);
        return out;
    }

    private Map<String, String> read(Asset asset, PartitionWindow partition) {
        Map<String, String> out = new TreeMap<>();
        for (NodeKey up : asset.upstreams()) {
            String version = null;
            if (up instanceof AssetKey key) {
                Asset upstream = graph.asset(key).orElse(null);
                NavigableMap<String, String> known = versions.getOrDefault(key, new TreeMap<>());
                version = combine(readPartitions(asset, upstream, partition, known), known);
            }
            out.put(up.toString(), version);
        }
        return out;
    }

    /** The upstream partitions a partition reads, per its mapping (as the planner orders the steps). */
    private static List<String> readPartitions(Asset asset, Asset upstream, PartitionWindow partition,
                                               NavigableMap<String, String> known) {
        if (partition == null || upstream == null || !upstream.isPartitioned()) {
            return new ArrayList<>(known.keySet());
        }
        PartitionMapping mapping = asset.mappingFor(upstream.key());
        if (mapping instanceof PartitionMapping.All) {
            return new ArrayList<>(known.keySet());
        }
        if (mapping instanceof PartitionMapping.TimeWindow && upstream.partitions() instanceof Partitions.Time t
            && partition.start() != null) {
            return PartitionKeys.overlapping(t, partition);
        }
        return List.of(partition.key());
    }

    private static String combine(List<String> partitions, NavigableMap<String, String> known) {
        List<String> lines = new ArrayList<>();
        for (String p : partitions) {
            String v = known.get(p);
            if (v != null) {
                lines.add(p + "=" + v);
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        if (lines.size() == 1) {
            return known.get(partitions.stream().filter(known::containsKey).findFirst().orElseThrow());
        }
        lines.sort(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return "combined:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
