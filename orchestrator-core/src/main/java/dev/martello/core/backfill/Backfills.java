package dev.martello.core.backfill;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.AssetPartitionState;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunIds;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.schedule.PeriodicTask;
import dev.martello.dsl.AssetKey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backfills of one workspace: plans them, stores them, and queues their chunks as runs ({@code backfill:ID}) in order.
 * Each chunk's run has a fixed id and the next chunk is recorded after it is queued, so a restart resumes where
 * launching stopped without queuing a chunk twice. Cancel stops launching before the next chunk and cancels the
 * backfill's queued runs; runs already started finish.
 */
public final class Backfills {
    /** How often the daemon looks for backfills to launch (also right after one is started here). */
    public static final Duration LAUNCH_INTERVAL = Duration.ofSeconds(1);

    private final WorkspaceRuntime runtime;
    private final WorkspaceQueue queue;
    private final BackfillStore store;

    public Backfills(WorkspaceRuntime runtime, WorkspaceQueue queue, BackfillStore store) {
        this.runtime = runtime;
        this.queue = queue;
        this.store = store;
    }

    public BackfillPlan plan(BackfillRequest request) {
        Plan full = runtime.plan(request.selection(), new PartitionChoice.Range(request.from(), request.to()));
        Set<String> keys = new LinkedHashSet<>();
        Set<AssetKey> partitioned = new LinkedHashSet<>();
        for (PlannedStep s : full.steps()) {
            if (!s.partitionKey().isEmpty()) {
                keys.add(s.partitionKey());
                partitioned.add(s.asset().key());
            }
        }
        if (partitioned.isEmpty()) {
            throw new IllegalArgumentException("Selection '" + request.selection() + "' has no partitioned asset; a"
                + " backfill runs partitions. Use 'martello materialize' for unpartitioned assets.");
        }
        List<String> wanted = new ArrayList<>(keys);
        if (request.onlyMissingOrFailed()) {
            Map<AssetPartition, AssetPartitionState> states = runtime.store().latestStates(partitioned);
            Map<AssetKey, Map<String, Instant>> failures = store.lastFailures(partitioned);
            wanted.removeIf(k -> partitioned.stream().allMatch(a -> states.containsKey(new AssetPartition(a, k))
                && !failures.getOrDefault(a, Map.of()).containsKey(k)));
        }
        int chunks = (wanted.size() + request.chunkSize() - 1) / request.chunkSize();
        int steps = (int) full.steps().stream().filter(s -> s.partitionKey().isEmpty()
            || wanted.contains(s.partitionKey())).count();
        return new BackfillPlan(request, wanted, keys.size() - wanted.size(), chunks, steps);
    }

    /** Stores the backfill; its chunks are queued by {@link #launch} (the daemon calls it every second). */
    public Backfill start(BackfillRequest request) {
        BackfillPlan plan = plan(request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Backfill b = new Backfill("bf" + RunIds.next(now), runtime.workspace().name(), request.selection(),
            plan.partitions(), request.chunkSize(), 0, plan.chunks(), request.priority(),
            plan.chunks() == 0 ? BackfillStatus.LAUNCHED : BackfillStatus.LAUNCHING, now,
            plan.chunks() == 0 ? "nothing to do: every partition is there" : "");
        store.create(b);
        return b;
    }

    /** Queues the remaining chunks of every launching backfill, checking before each chunk that it is not canceled. */
    public int launch(Instant now) {
        int queued = 0;
        for (Backfill b : store.launching(runtime.workspace().name())) {
            queued += launch(b);
        }
        return queued;
    }

    private int launch(Backfill b) {
        int queued = 0;
        for (int chunk = b.nextChunk(); chunk < b.chunks(); chunk++) {
            if (store.backfill(b.id()).orElseThrow().status() != BackfillStatus.LAUNCHING) {
                return queued;
            }
            if (runtime.store().run(b.runId(chunk)).isEmpty()) {
                queue.enqueue(b.runId(chunk), chunkPlan(b, chunk), b.trigger(), b.priority());
                queued++;
            }
            store.advance(b.id(), chunk + 1, chunk + 1 == b.chunks() ? BackfillStatus.LAUNCHED
                : BackfillStatus.LAUNCHING);
        }
        return queued;
    }

    /** The chunk's partitions of every selected partitioned asset, and the selection's unpartitioned assets last. */
    private Plan chunkPlan(Backfill b, int chunk) {
        Plan full = runtime.plan(b.selection(), new PartitionChoice.Range(b.chunk(chunk).getFirst(),
            b.chunk(chunk).getLast()));
        Set<String> keys = Set.copyOf(b.chunk(chunk));
        boolean last = chunk == b.chunks() - 1;
        List<AssetPartition> targets = full.steps().stream()
            .filter(s -> s.partitionKey().isEmpty() ? last : keys.contains(s.partitionKey()))
            .map(s -> new AssetPartition(s.asset().key(), s.partitionKey())).toList();
        return runtime.planTargets(b.selection(), targets);
    }

    /** Stops launching at once and cancels the backfill's queued runs; false if it had already stopped launching. */
    public boolean cancel(String id) {
        Backfill b = require(id);
        boolean stopped = store.cancel(id, Instant.now().truncatedTo(ChronoUnit.MICROS), "canceled");
        for (Run r : runtime.store().runsByTrigger(b.trigger())) {
            if (r.status() == RunStatus.QUEUED) {
                queue.cancel(r.id());
            }
        }
        return stopped;
    }

    public BackfillProgress progress(String id) {
        Backfill b = require(id);
        Map<RunStatus, Integer> byStatus = new EnumMap<>(RunStatus.class);
        List<Run> runs = runtime.store().runsByTrigger(b.trigger());
        runs.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        return new BackfillProgress(b, runs.size(), byStatus);
    }

    /** The daemon's task that launches chunks, once per second on one node of the cluster. */
    public PeriodicTask launcher() {
        return PeriodicTask.of("backfills", LAUNCH_INTERVAL, this::launch);
    }

    private Backfill require(String id) {
        return store.backfill(id).orElseThrow(() -> new IllegalArgumentException("No backfill '" + id
            + "' in workspace '" + runtime.workspace().name() + "'."));
    }
}
