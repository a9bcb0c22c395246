package dev.martello.web.freshness;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.freshness.FreshnessEvaluator;
import dev.martello.core.freshness.FreshnessState;
import dev.martello.core.freshness.FreshnessStore;
import dev.martello.core.freshness.FreshnessTransition;
import dev.martello.core.freshness.SloReport;
import dev.martello.core.freshness.jooq.JooqFreshnessStore;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.observation.jooq.JooqObservationStore;
import dev.martello.core.runs.AssetPartition;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hosted workspace's freshness, from core: {@link FreshnessEvaluator} judges every policy per partition and as a
 * whole; under {@link FreshnessSource#SERVER} its transitions are recorded in the metadata store, under
 * {@link FreshnessSource#DAEMON} they are only previewed (the daemon records them). It remembers since when each
 * target has its status, and computes the {@link SloReport} from the stored transitions (two window queries) with
 * each evaluation. One evaluation at a time.
 */
public final class FreshnessWatch {
    private final FreshnessSource source;
    private final AssetGraph graph;
    private final FreshnessStore store;
    private final FreshnessEvaluator evaluator;
    private final Map<AssetPartition, Instant> since = new HashMap<>();

    private FreshnessWatch(FreshnessSource source, AssetGraph graph, FreshnessStore store,
                           FreshnessEvaluator evaluator) {
        this.source = source;
        this.graph = graph;
        this.store = store;
        this.evaluator = evaluator;
        store.latest().forEach((target, t) -> since.put(target, t.at()));
    }

    public static FreshnessWatch open(WorkspaceRuntime runtime, FreshnessSource source) {
        AssetGraph graph = runtime.workspace().graph();
        FreshnessStore store = JooqFreshnessStore.on(runtime.store());
        return new FreshnessWatch(source, graph, store, FreshnessEvaluator.open(graph, runtime.store(),
            JooqObservationStore.on(runtime.store()), store));
    }

    /** One evaluation: what changed, every judged target's freshness, and the SLO figures. */
    public record Evaluation(Instant at, List<FreshnessTransition> transitions,
                             Map<AssetPartition, FreshnessView> states, SloReport slo) {
        public Evaluation {
            transitions = List.copyOf(transitions);
            states = Map.copyOf(states);
        }
    }

    public synchronized Evaluation evaluate(Instant now) {
        List<FreshnessTransition> transitions = source == FreshnessSource.SERVER ? evaluator.evaluate(now)
            : evaluator.preview(now);
        for (FreshnessTransition t : transitions) {
            since.put(t.target(), t.at());
        }
        SloReport slo = SloReport.of(graph, store, now);
        Map<AssetPartition, FreshnessState> states = evaluator.states();
        Map<AssetPartition, FreshnessView> views = HashMap.newHashMap(states.size());
        states.forEach((target, state) -> views.put(target, FreshnessView.of(state, since.get(target))));
        return new Evaluation(now, transitions, views, slo);
    }
}
