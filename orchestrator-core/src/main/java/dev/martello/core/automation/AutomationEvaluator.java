package dev.martello.core.automation;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.observation.ObservationStore;
import dev.martello.core.observation.UpdateTracker;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.RunStore;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AutomationPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The automation tick: decides which asset partitions to materialize now and returns them as {@link RunRequest}s
 * for the daemon to submit (an eager chain A → B → C is requested together, see {@link #tick}). Driven by an
 * explicit {@code now}; it owns no thread and is not thread-safe (one tick at a time).
 *
 * <p>Cost follows what changed, not the graph: the first tick judges every automated asset once; later ticks judge
 * only the downstream of new materializations and source data versions (read through cursors by
 * {@link UpdateTracker}), assets whose cron ticked or whose latest time partition moved (heaps of due instants), and
 * assets that were waiting on something in progress. Every decision is stored unless it repeats the previous one.
 */
public final class AutomationEvaluator {
    private final AssetGraph graph;
    private final UpdateTracker updates;
    private final AutomationStore store;
    private final BitSet automated;
    private final Map<Integer, CronTicks> crons = new HashMap<>();
    private final DueIndex cronDue = new DueIndex();
    private final DueIndex partitionDue = new DueIndex();
    private final BitSet waiting;
    private final Map<AssetPartition, Evaluation> lastRequests;
    private final Map<AssetPartition, String> lastStored = new HashMap<>();
    private boolean started;

    private AutomationEvaluator(AssetGraph graph, UpdateTracker updates, AutomationStore store) {
        this.graph = graph;
        this.updates = updates;
        this.store = store;
        this.automated = new BitSet(graph.size());
        this.waiting = new BitSet(graph.size());
        for (int n = 0; n < graph.size(); n++) {
            Asset a = graph.asset(n);
            if (a != null && a.automation() != null) {
                automated.set(n);
                if (a.automation() instanceof AutomationPolicy.OnCron c) {
                    crons.put(n, new CronTicks(c.cron(), c.zone()));
                }
            }
        }
        this.lastRequests = new HashMap<>(store.lastRequests());
    }

    /** Loads what automation needs (latest states, observations, last requests) from the metadata store. */
    public static AutomationEvaluator open(AssetGraph graph, RunStore runs, ObservationStore observations,
                                           AutomationStore store) {
        return new AutomationEvaluator(graph, UpdateTracker.load(graph, runs, observations), store);
    }

    /**
     * Evaluates what changed since the last tick at {@code now}; stores the decisions and returns the requests. An
     * asset partition requested at this tick counts as updated for its automated downstream in the same partition,
     * which is judged again in the same tick: an eager chain A → B → C is requested as one run, in dependency order,
     * rather than one level per tick.
     */
    public TickResult tick(Instant now) {
        Map<AssetPartition, String> inProgress = store.inProgress();
        BitSet dirty = dirtyAt(now); // before clearing what waited, which it includes
        Set<AssetPartition> planned = new HashSet<>();
        PolicyJudge judge = new PolicyJudge(graph, updates, inProgress, lastRequests, crons, planned);
        waiting.clear();
        Map<AssetPartition, RunRequest> requests = new LinkedHashMap<>();
        Map<AssetPartition, Evaluation> decided = new LinkedHashMap<>();
        int evaluated = 0;
        for (BitSet wave = dirty; !wave.isEmpty(); ) {
            BitSet next = new BitSet(graph.size());
            for (int n : graph.topologicalOrder(wave)) {
                Asset asset = graph.asset(n);
                String policy = asset.automation().describe();
                boolean requested = false;
                for (String key : PartitionScope.of(asset, now)) {
                    AssetPartition target = new AssetPartition(asset.key(), key);
                    if (planned.contains(target)) {
                        continue; // requested earlier in this tick
                    }
                    PolicyJudge.Outcome outcome = judge.judge(n, key, now);
                    evaluated++;
                    Evaluation ev = new Evaluation(target, now, policy, outcome.decision(), outcome.reason(),
                        outcome.cronTick());
                    if (outcome.decision() == Decision.REQUESTED) {
                        requests.put(target, new RunRequest(target, policy + ": " + outcome.reason()));
                        lastRequests.put(target, ev);
                        planned.add(target);
                        requested = true;
                    }
                    if (outcome.waiting()) {
                        waiting.set(n);
                    }
                    decided.put(target, ev);
                }
                if (requested) {
                    for (int d : graph.downstream(n)) {
                        if (automated.get(d)) {
                            next.set(d);
                        }
                    }
                }
            }
            wave = next;
        }
        List<Evaluation> toStore = new ArrayList<>();
        for (Evaluation ev : decided.values()) {
            if (!ev.describe().equals(lastStored.put(ev.target(), ev.describe()))) {
                toStore.add(ev);
            }
        }
        store.record(toStore);
        return new TickResult(now, List.copyOf(requests.values()), toStore, evaluated);
    }

    private BitSet dirtyAt(Instant now) {
        if (!started) {
            started = true;
            updates.advance();
            for (int n = automated.nextSetBit(0); n >= 0; n = automated.nextSetBit(n + 1)) {
                schedule(n, now);
            }
            return (BitSet) automated.clone();
        }
        BitSet dirty = new BitSet(graph.size());
        BitSet changed = updates.advance();
        for (int c = changed.nextSetBit(0); c >= 0; c = changed.nextSetBit(c + 1)) {
            for (int d : graph.downstream(c)) {
                if (automated.get(d)) {
                    dirty.set(d);
                }
            }
        }
        BitSet due = cronDue.popDue(now, graph.size());
        for (int n = due.nextSetBit(0); n >= 0; n = due.nextSetBit(n + 1)) {
            cronDue.add(crons.get(n).nextAfter(now), n);
        }
        dirty.or(due);
        due = partitionDue.popDue(now, graph.size());
        for (int n = due.nextSetBit(0); n >= 0; n = due.nextSetBit(n + 1)) {
            partitionDue.add(PartitionScope.nextChange(graph.asset(n), now), n);
        }
        dirty.or(due);
        dirty.or(waiting);
        return dirty;
    }

    private void schedule(int node, Instant now) {
        CronTicks ticks = crons.get(node);
        if (ticks != null) {
            cronDue.add(ticks.nextAfter(now), node);
        }
        partitionDue.add(PartitionScope.nextChange(graph.asset(node), now), node);
    }
}
