package dev.martello.web.assets;

import dev.martello.core.execution.AssetStatus;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.freshness.FreshnessStatus;
import dev.martello.core.staleness.Staleness;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.web.freshness.FreshnessView;
import dev.martello.web.freshness.FreshnessWatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a workspace's {@link StateSnapshot} from the store (staleness and latest materialization of every asset
 * partition, in one pass) and core's freshness evaluation, and holds the current one. Building happens on the
 * server's refresh thread or a run's thread, never for a request (except the very first); requests read the current
 * snapshot without locking.
 */
public final class AssetStates {
    private volatile StateSnapshot current;

    /** The current snapshot, or null before the first {@link #refresh}. */
    public StateSnapshot current() {
        return current;
    }

    public StateSnapshot refresh(WorkspaceRuntime runtime, FreshnessWatch.Evaluation freshness) {
        AssetGraph graph = runtime.workspace().graph();
        Map<String, List<AssetStatus>> byAsset = new HashMap<>();
        if (runtime.workspace().problems().isEmpty() && graph.size() > 0) {
            for (AssetStatus st : runtime.status("*")) {
                byAsset.computeIfAbsent(st.asset().toString(), k -> new ArrayList<>()).add(st);
            }
        }
        Map<AssetKey, Map<String, FreshnessView>> partitions = new HashMap<>();
        Map<AssetKey, FreshnessView> whole = new HashMap<>();
        freshness.states().forEach((target, view) -> {
            if (target.partition().isEmpty()) {
                whole.put(target.asset(), view);
            } else {
                partitions.computeIfAbsent(target.asset(), k -> new TreeMap<>()).put(target.partition(), view);
            }
        });
        Map<String, AssetState> out = HashMap.newHashMap(graph.size());
        for (Asset a : graph.assets()) {
            String key = a.key().toString();
            FreshnessView f = a.freshness() == null ? FreshnessView.NO_POLICY : whole.getOrDefault(a.key(),
                new FreshnessView(FreshnessStatus.UNKNOWN, null, null, "not evaluated yet"));
            out.put(key, summarise(a, f, partitions.getOrDefault(a.key(), Map.of()),
                byAsset.getOrDefault(key, List.of())));
        }
        StateSnapshot s = new StateSnapshot(runtime, freshness.at(), out, freshness.slo(), freshness.transitions());
        current = s;
        return s;
    }

    private static AssetState summarise(Asset asset, FreshnessView freshness, Map<String, FreshnessView> partitions,
                                        List<AssetStatus> statuses) {
        AssetStatus latest = null;
        String staleness = statuses.isEmpty() ? "MISSING" : "UP_TO_DATE";
        String reason = statuses.isEmpty() ? new Staleness.Missing().describe() : "";
        for (AssetStatus p : statuses) {
            if (p.latest() != null && (latest == null || p.latest().materializedAt()
                .isAfter(latest.latest().materializedAt()))) {
                latest = p;
            }
            String s = switch (p.staleness()) {
                case Staleness.Missing m -> "MISSING";
                case Staleness.Stale st -> "STALE";
                case Staleness.UpToDate u -> "UP_TO_DATE";
            };
            if (rank(s) > rank(staleness)) {
                staleness = s;
                reason = (p.partition().isEmpty() ? "" : p.partition() + ": ") + p.staleness().describe();
            }
        }
        return new AssetState(asset.key().toString(), freshness, partitions, staleness, reason,
            latest == null ? null : latest.latest().materializedAt(),
            latest == null ? null : latest.latest().rowCount(), latest == null ? null : latest.latest().runId());
    }

    private static int rank(String staleness) {
        return switch (staleness) {
            case "MISSING" -> 2;
            case "STALE" -> 1;
            default -> 0;
        };
    }
}
