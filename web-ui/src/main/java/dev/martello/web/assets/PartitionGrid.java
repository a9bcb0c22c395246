package dev.martello.web.assets;

import dev.martello.core.execution.AssetStatus;
import dev.martello.core.freshness.FreshnessRules;
import dev.martello.core.freshness.FreshnessState;
import dev.martello.core.planning.PartitionKeys;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Partitions;
import dev.martello.web.freshness.FreshnessView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The asset page's partition status grid: the newest {@value #PARTITIONS_SHOWN} partitions with their status
 * (MATERIALIZED, STALE, MISSING), latest materialization and freshness, so the grid can be coloured either way.
 */
final class PartitionGrid {
    static final int PARTITIONS_SHOWN = 90;

    private PartitionGrid() {
    }

    /** @param statuses the asset's partitions as the store knows them */
    static Map<String, Object> of(Asset a, List<AssetStatus> statuses, StateSnapshot snapshot) {
        Map<String, AssetStatus> known = new LinkedHashMap<>();
        for (AssetStatus s : statuses) {
            known.put(s.partition(), s);
        }
        Instant now = snapshot.at();
        AssetState state = snapshot.states().get(a.key().toString());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String key : recentKeys(a.partitions(), now)) {
            AssetStatus s = known.get(key);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("key", key);
            p.put("status", s == null || s.latest() == null ? "MISSING" : s.staleness().describe().startsWith("STALE")
                ? "STALE" : "MATERIALIZED");
            p.put("materializedAt", s == null ? null : s.materializedAt().orElse(null));
            p.put("rows", s == null || s.latest() == null ? null : s.latest().rowCount());
            p.put("freshness", partitionFreshness(a, key, s, state, now));
            out.add(p);
        }
        return Map.of("partitioned", true, "definition", a.partitions().describe(), "partitions", out);
    }


    /**
     * A partition's freshness: what the evaluation judged for it when it is one of the judged partitions (with since
     * when), else core's rules applied to it at the snapshot's instant; null when the asset has no policy.
     */
    private static Map<String, Object> partitionFreshness(Asset a, String key, AssetStatus status, AssetState state,
                                                          Instant now) {
        if (a.freshness() == null) {
            return null;
        }
        FreshnessView judged = state == null ? null : state.partitions().get(key);
        if (judged == null) {
            Instant at = status == null || status.latest() == null ? null : status.latest().materializedAt();
            FreshnessState f = FreshnessRules.judge(a, key, at, now);
            judged = new FreshnessView(f.status(), null, null, f.reason());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", judged.state());
        m.put("lateSince", judged.lateSince());
        m.put("reason", judged.reason());
        return m;
    }

    /** The newest {@value #PARTITIONS_SHOWN} partition keys up to the latest complete one. */
    private static List<String> recentKeys(Partitions partitions, Instant now) {
        if (partitions instanceof Partitions.Static s) {
            return s.keys();
        }
        Partitions.Time t = (Partitions.Time) partitions;
        String latest = PartitionKeys.latestComplete(partitions, now);
        List<String> all = PartitionKeys.range(partitions, PartitionKeys.expand(partitions,
            t.start().toString()).getFirst(), latest);
        return all.subList(Math.max(0, all.size() - PARTITIONS_SHOWN), all.size());
    }
}
