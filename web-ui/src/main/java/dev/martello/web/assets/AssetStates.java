package dev.martello.web.assets;

import dev.martello.core.execution.AssetStatus;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.staleness.Staleness;
import dev.martello.dsl.Asset;
import dev.martello.web.freshness.FreshnessEvaluator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of every asset of a workspace, computed from the store in one pass and kept for a short while: the
 * lineage colours, catalog filters and freshness overview all read it, and a hundred clients polling must not mean a
 * hundred status queries. A run of this server ending {@link #invalidate() invalidates} it at once.
 */
public final class AssetStates {
    private final FreshnessEvaluator evaluator;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    private record Snapshot(WorkspaceRuntime runtime, Instant at, Map<String, AssetState> states) {
    }

    public AssetStates(FreshnessEvaluator evaluator, Clock clock, Duration maxAge) {
        this.evaluator = evaluator;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public void invalidate() {
        snapshot = null;
    }

    /** Asset key to state, for every asset of the runtime's graph. */
    public Map<String, AssetState> all(WorkspaceRuntime runtime) {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && s.runtime() == runtime && s.at().plus(maxAge).isAfter(now)) {
            return s.states();
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && s.runtime() == runtime && s.at().plus(maxAge).isAfter(now)) {
                return s.states();
            }
            Map<String, AssetState> states = compute(runtime, now);
            snapshot = new Snapshot(runtime, now, states);
            return states;
        }
    }

    private Map<String, AssetState> compute(WorkspaceRuntime runtime, Instant now) {
        AssetGraph graph = runtime.workspace().graph();
        Map<String, List<AssetStatus>> byAsset = new HashMap<>();
        if (runtime.workspace().problems().isEmpty() && graph.size() > 0) {
            for (AssetStatus st : runtime.status("*")) {
                byAsset.computeIfAbsent(st.asset().toString(), k -> new java.util.ArrayList<>()).add(st);
            }
        }
        Map<String, AssetState> out = HashMap.newHashMap(graph.size());
        for (Asset a : graph.assets()) {
            String key = a.key().toString();
            out.put(key, summarise(a, byAsset.getOrDefault(key, List.of()), now));
        }
        return Map.copyOf(out);
    }

    private AssetState summarise(Asset asset, List<AssetStatus> partitions, Instant now) {
        AssetStatus latest = null;
        String staleness = partitions.isEmpty() ? "MISSING" : "UP_TO_DATE";
        String reason = partitions.isEmpty() ? new Staleness.Missing().describe() : "";
        for (AssetStatus p : partitions) {
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
        Instant last = latest == null ? null : latest.latest().materializedAt();
        return new AssetState(asset.key().toString(), evaluator.evaluate(asset.freshness(), last, now), staleness,
            reason, last, latest == null ? null : latest.latest().rowCount(),
            latest == null ? null : latest.latest().runId());
    }

    private static int rank(String staleness) {
        return switch (staleness) {
            case "MISSING" -> 2;
            case "STALE" -> 1;
            default -> 0;
        };
    }
}
