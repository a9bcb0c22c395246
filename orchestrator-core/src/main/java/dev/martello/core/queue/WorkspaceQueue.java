package dev.martello.core.queue;

import dev.martello.core.execution.RunListener;
import dev.martello.core.execution.RunOptions;
import dev.martello.core.execution.RunResult;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunIds;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.warehouse.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The queue of one hosted workspace on this node: queues runs (stored {@code QUEUED}, steps {@code PENDING}), and a
 * dispatcher thread that claims queued runs within the workspace's limits and executes them here. A submission on
 * this node wakes the dispatcher at once; runs queued by other nodes or by recovery are seen within
 * {@link #POLL}. After a failed run, up to {@code runs.retries} retries of its failed and skipped steps are queued.
 */
public final class WorkspaceQueue implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceQueue.class);

    private final WorkspaceRuntime runtime;
    private final RunStore store;
    private final Pools pools;
    private final Semaphore wake = new Semaphore(0);
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
    private final ExecutorService launcher;
    private final Thread dispatcher;
    private volatile boolean launching = true;
    private volatile boolean closed;

    public WorkspaceQueue(WorkspaceRuntime runtime) {
        this.runtime = runtime;
        this.store = runtime.store();
        this.pools = new Pools(runtime.workspace().config().pools(), runtime.workspace().config().runs());
        AtomicInteger threads = new AtomicInteger();
        String name = runtime.workspace().name();
        this.launcher = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "martello-run-" + name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new Thread(this::dispatch, "martello-dispatch-" + name);
        this.dispatcher.setDaemon(true);
    }

    /** Starts claiming and executing queued runs, including those left queued before a restart. */
    public WorkspaceQueue start() {
        runtime.joinAsNode();
        dispatcher.start();
        return this;
    }

    public String workspace() {
        return runtime.workspace().name();
    }

    /** The runtime this queue executes on: its graph, metadata store and warehouse. */
    public WorkspaceRuntime runtime() {
        return runtime;
    }

    public Run submit(RunRequest request) {
        Plan plan = request.asOf() == null ? runtime.plan(request.selection(), request.partitions())
            : runtime.plan(request.selection(), request.partitions(), request.asOf());
        return enqueue(plan, request.trigger(), request.priority(), null, 1);
    }

    /** Queues a plan made elsewhere (a backfill chunk, a retry); an empty plan is refused. */
    public Run enqueue(Plan plan, String trigger, int priority, String retryOf, int attempt) {
        return enqueue(null, plan, trigger, priority, retryOf, attempt);
    }

    /** Queues a plan under a run id of the caller's (a backfill chunk's fixed id, so it is never queued twice). */
    public Run enqueue(String runId, Plan plan, String trigger, int priority) {
        return enqueue(runId, plan, trigger, priority, null, 1);
    }

    private Run enqueue(String runId, Plan plan, String trigger, int priority, String retryOf, int attempt) {
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("Selection '" + plan.selection() + "' has no assets to materialize in"
                + " workspace '" + workspace() + "' (sources are not materialized); nothing was queued.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> partitions = plan.steps().stream().map(PlannedStep::partitionKey).filter(p -> !p.isEmpty())
            .distinct().toList();
        Run run = new Run(runId != null ? runId : RunIds.next(now), workspace(), plan.selection(), partitions, RunStatus.QUEUED, trigger, now,
            null, null, "").withQueueing(priority, pools.of(plan), retryOf, attempt);
        store.createRun(run, plan.steps().stream()
            .map(s -> Step.pending(run.id(), new AssetPartition(s.asset().key(), s.partitionKey()))).toList());
        wake.release();
        return run;
    }

    /** Queues the failed, skipped and canceled steps of a finished run as a new run ({@code retry:RUN}). */
    public Run retry(String runId) {
        Run run = store.run(runId).orElseThrow(() -> new IllegalArgumentException("No run '" + runId
            + "' in workspace '" + workspace() + "'; 'martello runs' lists them."));
        if (!run.status().isTerminal() || run.status() == RunStatus.SUCCEEDED) {
            throw new IllegalStateException("Run " + runId + " is " + run.status() + "; only a FAILED or CANCELED run"
                + " can be retried" + (run.status().isTerminal() ? "." : " (wait for it to finish, or cancel it)."));
        }
        List<AssetPartition> targets = store.steps(runId).stream()
            .filter(s -> s.status() == StepStatus.FAILED || s.status() == StepStatus.SKIPPED
                || s.status() == StepStatus.CANCELED || s.status() == StepStatus.PENDING)
            .map(Step::target).toList();
        if (targets.isEmpty()) {
            throw new IllegalStateException("Run " + runId + " has no failed, skipped or canceled steps to retry.");
        }
        return enqueue(runtime.planTargets(run.selection(), targets), "retry:" + runId, run.priority(), runId,
            run.attempt() + 1);
    }

    /**
     * Cancels a queued run, a run this node is executing, or asks the node executing it to (that node sees the
     * request within {@link #POLL}); false when the run is not queued or started.
     */
    public boolean cancel(String runId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (store.cancelQueued(runId, now, "canceled while queued")) {
            return true;
        }
        Cancellation c = running.get(runId);
        if (c != null) {
            c.cancel();
            return true;
        }
        return store.requestCancel(runId, now);
    }

    /** How many runs this node is executing for the workspace. */
    public int running() {
        return running.size();
    }

    /** Claims no more runs; running ones go on. */
    public void stopLaunching() {
        launching = false;
        wake.release();
    }

    /** Waits until no run executes here, up to {@code timeout}; true if none does. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Cancels every run executing here (each ends CANCELED, recorded by its executor). */
    public void cancelRunning() {
        running.values().forEach(Cancellation::cancel);
    }

    private void dispatch() {
        while (!closed) {
            try {
                wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            cancelRequested();
            while (launching && !closed) {
                List<Run> claimed;
                try {
                    claimed = store.claimQueuedRuns(workspace(), runtime.node(), pools.limits(),
                        Instant.now().truncatedTo(ChronoUnit.MICROS));
                } catch (RuntimeException e) {
                    LOG.warn("Claiming queued runs of workspace {} failed; trying again in {}", workspace(), POLL, e);
                    break;
                }
                if (claimed.isEmpty()) {
                    break;
                }
                claimed.forEach(this::launch);
            }
        }
    }

    /** Cancels the runs executing here that another node was asked to cancel. */
    private void cancelRequested() {
        if (running.isEmpty()) {
            return;
        }
        try {
            for (String runId : store.cancelRequested(List.copyOf(running.keySet()))) {
                Cancellation c = running.get(runId);
                if (c != null && !c.isCancelled()) {
                    LOG.info("Run {} of workspace {}: cancel requested from another node; canceling", runId,
                        workspace());
                    c.cancel();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Reading the cancel requests of workspace {} failed; trying again in {}", workspace(), POLL, e);
        }
    }

    private void launch(Run run) {
        Cancellation cancellation = new Cancellation();
        running.put(run.id(), cancellation);
        launcher.execute(() -> {
            try {
                RunResult result = execute(run, cancellation);
                if (result != null && result.run().status() == RunStatus.FAILED
                    && run.attempt() <= runtime.workspace().config().runs().retries()) {
                    Run retry = retry(run.id());
                    LOG.info("Run {} failed; retry {} queued as {}", run.id(), run.attempt(), retry.id());
                }
            } catch (RuntimeException e) {
                LOG.error("Run {} of workspace {} stopped", run.id(), workspace(), e);
            } finally {
                running.remove(run.id());
                wake.release();
            }
        });
    }

    private RunResult execute(Run run, Cancellation cancellation) {
        List<AssetPartition> pending = store.steps(run.id()).stream()
            .filter(s -> s.status() == StepStatus.PENDING).map(Step::target).toList();
        Plan plan;
        try {
            plan = runtime.planTargets(run.selection(), pending);
        } catch (RuntimeException e) {
            store.updateRunStatus(run.id(), RunStatus.FAILED, Instant.now().truncatedTo(ChronoUnit.MICROS),
                "orchestrator: the queued run cannot be planned any more: " + e.getMessage());
            return null;
        }
        RunOptions options = RunOptions.manual().withTrigger(run.trigger()).withCancellation(cancellation);
        return runtime.executeClaimed(run, plan, options, RunListener.NONE);
    }

    /** Stops launching, cancels what runs here and waits for it to be recorded. */
    @Override
    public void close() {
        stopLaunching();
        cancelRunning();
        try {
            awaitIdle(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        dispatcher.interrupt();
        launcher.shutdownNow();
        // Returns once the dispatcher and launchers are gone: the runtime closes the store right after.
        try {
            if (dispatcher.isAlive()) {
                dispatcher.join(Duration.ofSeconds(10).toMillis());
            }
            launcher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
