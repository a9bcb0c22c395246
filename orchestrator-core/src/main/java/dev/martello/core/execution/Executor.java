package dev.martello.core.execution;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunEventBuffer;
import dev.martello.core.runs.RunIds;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.warehouse.Warehouse;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.NodeKey;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs plans of one workspace against its warehouse and records them in its metadata store: creates the run, locks
 * its asset partitions (a partition another run holds fails its step, naming that run), runs the steps in dependency
 * order on a pool of threads, and ends the run SUCCEEDED, FAILED or CANCELED. At most {@code warehouseConcurrency}
 * materializations run against the warehouse at once, across all runs of this executor.
 *
 * <p>{@code new Executor("demo", graph, warehouse, store, 4).run(plan, RunOptions.manual(), RunListener.NONE)}
 */
public final class Executor {
    static final String CANCELED_BEFORE_START = "canceled: the run was cancelled before this step started";
    private static final int EVENT_BATCH = 500;
    private static final Duration EVENT_DELAY = Duration.ofMillis(200);

    private final String workspace;
    private final AssetGraph graph;
    private final Warehouse warehouse;
    private final RunStore store;
    private final Semaphore warehouseSlots;
    private final String node;

    public Executor(String workspace, AssetGraph graph, Warehouse warehouse, RunStore store, int warehouseConcurrency) {
        this(workspace, graph, warehouse, store, warehouseConcurrency, null);
    }

    /** @param node the process's node id, recorded on each run it creates (null: none) */
    public Executor(String workspace, AssetGraph graph, Warehouse warehouse, RunStore store, int warehouseConcurrency,
                    String node) {
        if (warehouseConcurrency < 1) {
            throw new IllegalArgumentException("warehouseConcurrency must be at least 1, not " + warehouseConcurrency);
        }
        this.workspace = workspace;
        this.graph = graph;
        this.warehouse = warehouse;
        this.store = store;
        this.warehouseSlots = new Semaphore(warehouseConcurrency, true);
        this.node = node;
    }

    /**
     * Runs the plan to its end; blocks until every step has finished, been skipped or been canceled. Interrupting the
     * calling thread cancels the run (its interrupt status is set again when this returns).
     */
    public RunResult run(Plan plan, RunOptions options, RunListener listener) {
        Instant now = RunRecorder.now();
        // Created STARTED, never QUEUED: a crash from here on leaves a run that recovery fails, not one left queued.
        Run run = new Run(RunIds.next(now), workspace, plan.selection(), partitionsOf(plan), RunStatus.STARTED,
            options.trigger(), now, now, null, "").withNode(node);
        store.createRun(run);
        store.upsertSteps(plan.steps().stream().map(s -> Step.pending(run.id(), target(s))).toList());
        return execute(run, plan, options, listener, false);
    }

    /**
     * Runs a run the queue has claimed ({@code STARTED}, its steps stored {@code PENDING}); {@code plan} holds the steps
     * still to do. Blocks like {@link #run}.
     */
    public RunResult execute(Run run, Plan plan, RunOptions options, RunListener listener) {
        // A requeued run resumes with its unfinished steps only; a step that had already failed still fails the run.
        boolean failedBefore = plan.steps().size() < store.steps(run.id()).size() && store.steps(run.id()).stream()
            .anyMatch(s -> s.status().isTerminal() && s.status() != StepStatus.SUCCEEDED);
        return execute(run, plan, options, listener, failedBefore);
    }

    private RunResult execute(Run run, Plan plan, RunOptions options, RunListener listener, boolean failedBefore) {
        try (RunEventBuffer events = new RunEventBuffer(store::append, EVENT_BATCH, EVENT_DELAY)) {
            RunRecorder recorder = new RunRecorder(events, listener, run.id());
            RunLoop.Outcome outcome;
            try {
                recorder.runStarted(run, plan);
                outcome = execute(run, plan, options, recorder);
            } catch (RuntimeException e) {
                throw stopped(run, events, e);
            }
            RunStatus status = statusOf(outcome.steps(), options);
            finish(run, events, failedBefore && status == RunStatus.SUCCEEDED ? RunStatus.FAILED : status,
                summary(outcome.steps()));
            RunResult result = new RunResult(store.run(run.id()).orElseThrow(), outcome.steps());
            recorder.runFinished(result);
            if (outcome.interrupted()) {
                Thread.currentThread().interrupt();
            }
            return result;
        }
    }

    /** The run itself broke (the metadata store failing, a bug): it is failed, as far as the store still lets us. */
    private IllegalStateException stopped(Run run, RunEventBuffer events, RuntimeException e) {
        String message = "orchestrator: the run stopped: " + FailureClassifier.describe(e);
        try {
            finish(run, events, RunStatus.FAILED, message);
        } catch (RuntimeException recording) {
            e.addSuppressed(recording);
        }
        return new IllegalStateException("Run " + run.id() + " failed: " + message, e);
    }

    private RunLoop.Outcome execute(Run run, Plan plan, RunOptions options, RunRecorder recorder) {
        Map<Integer, Failure> blocked = PartitionLocker.lock(store, run.id(), plan);
        DataVersions versions = new DataVersions(graph, store.latestStates(upstreamAssets(plan)));
        CountDownLatch cancelled = new CountDownLatch(1);
        BlockingQueue<RunLoop.Done> done = RunLoop.queue();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), task -> {
            Thread t = new Thread(task, "martello-" + run.id() + "-" + threads.incrementAndGet());
            t.setDaemon(true); // a statement the warehouse never returns from must not keep the process alive
            return t;
        });
        try (AutoCloseable wake = options.cancellation().onCancel(() -> {
            cancelled.countDown();
            done.add(RunLoop.WAKE);
        })) {
            StepRunner runner = new StepRunner(warehouse, warehouseSlots, recorder, versions, run.id(),
                options.cancellation(), cancelled);
            return new RunLoop(plan, runner, recorder, pool, options.parallelism(), options.cancellation(), done)
                .run(blocked);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unregistering from the run's cancellation failed", e);
        } finally {
            pool.shutdown();
        }
    }

    /** Releases the locks before the final status: a crash in between leaves a run recovery fails, not stuck locks. */
    private void finish(Run run, RunEventBuffer events, RunStatus status, String message) {
        store.releaseLocks(run.id());
        Instant at = RunRecorder.now();
        events.add(new RunEvent.RunFinished(run.id(), at, status, message));
        store.updateRunStatus(run.id(), status, at, message);
    }

    private static RunStatus statusOf(List<StepResult> steps, RunOptions options) {
        if (options.cancellation().isCancelled() && steps.stream().anyMatch(s -> s.status() == StepStatus.CANCELED)) {
            return RunStatus.CANCELED;
        }
        return steps.stream().allMatch(s -> s.status() == StepStatus.SUCCEEDED) ? RunStatus.SUCCEEDED
            : RunStatus.FAILED;
    }

    /** {@code 3 succeeded, 1 failed, 2 skipped}. */
    private static String summary(List<StepResult> steps) {
        Map<StepStatus, Long> counts = new EnumMap<>(StepStatus.class);
        steps.forEach(s -> counts.merge(s.status(), 1L, Long::sum));
        return counts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    }

    private static List<String> partitionsOf(Plan plan) {
        return plan.steps().stream().map(PlannedStep::partitionKey).filter(p -> !p.isEmpty()).distinct().toList();
    }

    private static Set<AssetKey> upstreamAssets(Plan plan) {
        Set<AssetKey> out = new LinkedHashSet<>();
        for (PlannedStep s : plan.steps()) {
            for (NodeKey up : s.asset().upstreams()) {
                if (up instanceof AssetKey key) {
                    out.add(key);
                }
            }
        }
        return out;
    }

    static AssetPartition target(PlannedStep step) {
        return new AssetPartition(step.asset().key(), step.partitionKey());
    }
}
