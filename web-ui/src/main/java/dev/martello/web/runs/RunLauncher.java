package dev.martello.web.runs;

import dev.martello.core.execution.RunListener;
import dev.martello.core.execution.RunOptions;
import dev.martello.core.execution.RunResult;
import dev.martello.core.execution.StepResult;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.Run;
import dev.martello.core.warehouse.Cancellation;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.api.ApiException;
import dev.martello.web.sse.EventHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Launches materializations asked for over the API on a bounded pool ({@code WorkspaceRuntime.execute} blocks until
 * the run ends), reports their progress as server-sent events, and cancels them. A full queue refuses a launch with
 * 429 rather than piling up work; the scheduler daemon has its own run queue.
 */
public final class RunLauncher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);
    private static final long START_WAIT_MS = 3000;

    private record Active(String launchId, String workspace, Cancellation cancellation,
                          CompletableFuture<String> runId) {
    }

    private final ThreadPoolExecutor pool;
    private final EventHub events;
    private final Map<String, Active> byLaunch = new ConcurrentHashMap<>();
    private final AtomicInteger launches = new AtomicInteger();

    public RunLauncher(int concurrentRuns, int queued, EventHub events) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(concurrentRuns, concurrentRuns, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queued), r -> {
                Thread t = new Thread(r, "martello-launch-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        this.events = events;
    }

    /** Plans now (so a bad selection is a 400 here), then runs in the background. */
    public LaunchResult launch(HostedWorkspace ws, String selection, PartitionChoice partitions, String trigger) {
        Plan plan = ws.runtime().plan(selection, partitions);
        if (plan.isEmpty()) {
            throw ApiException.badRequest("EMPTY_PLAN", "Selection '" + selection + "' selects no asset to"
                + " materialize (sources are never materialized). Try '" + selection + "+' or a mart: 'mart:<name>'.");
        }
        String launchId = "L" + launches.incrementAndGet();
        Active active = new Active(launchId, ws.name(), new Cancellation(), new CompletableFuture<>());
        RunOptions options = RunOptions.manual().withTrigger(trigger).withCancellation(active.cancellation());
        byLaunch.put(launchId, active);
        try {
            pool.execute(() -> run(ws, plan, options, active));
        } catch (RejectedExecutionException e) {
            byLaunch.remove(launchId);
            throw new ApiException(429, "LAUNCH_QUEUE_FULL", "The server already runs " + pool.getMaximumPoolSize()
                + " materializations and has " + pool.getQueue().size() + " waiting; try again when one ends.");
        }
        try {
            String runId = active.runId().get(START_WAIT_MS, TimeUnit.MILLISECONDS);
            return new LaunchResult(launchId, runId, "STARTED", plan.steps().size());
        } catch (TimeoutException e) {
            return new LaunchResult(launchId, null, "QUEUED", plan.steps().size());
        } catch (ExecutionException e) {
            throw new ApiException(500, "LAUNCH_FAILED", "The run could not start: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LaunchResult(launchId, null, "QUEUED", plan.steps().size());
        }
    }

    /** Cancels a run this server launched and is still running (or still queued). */
    public void cancel(String workspace, String runId) {
        for (Active a : byLaunch.values()) {
            if (a.workspace().equals(workspace) && (runId.equals(a.runId().getNow(null))
                || runId.equals(a.launchId()))) {
                a.cancellation().cancel();
                return;
            }
        }
        throw ApiException.conflict("RUN_NOT_ACTIVE", "Run '" + runId + "' is not running in this server: it has"
            + " ended, or another process runs it.");
    }

    /** Whether this server runs {@code runId} now (so it can cancel it). */
    public boolean isActive(String workspace, String runId) {
        return byLaunch.values().stream().anyMatch(a -> a.workspace().equals(workspace)
            && runId.equals(a.runId().getNow(null)));
    }

    public boolean hasActiveRuns(String workspace) {
        return byLaunch.values().stream().anyMatch(a -> a.workspace().equals(workspace));
    }

    private void run(HostedWorkspace ws, Plan plan, RunOptions options, Active active) {
        try {
            if (options.cancellation().isCancelled()) {
                active.runId().complete(null);
                return;
            }
            ws.runtime().execute(plan, options, new Progress(ws, active));
        } catch (RuntimeException e) {
            LOG.error("Launch {} of workspace {} failed", active.launchId(), ws.name(), e);
            active.runId().completeExceptionally(e);
            events.publish("run-finished", Map.of("workspace", ws.name(), "launchId", active.launchId(),
                "status", "FAILED", "message", String.valueOf(e.getMessage())));
        } finally {
            byLaunch.remove(active.launchId());
            ws.changedSoon();
        }
    }

    /** Turns a run's progress into events. */
    private final class Progress implements RunListener {
        private final HostedWorkspace ws;
        private final Active active;
        private volatile String runId;

        Progress(HostedWorkspace ws, Active active) {
            this.ws = ws;
            this.active = active;
        }

        @Override
        public void runStarted(Run run, Plan plan) {
            runId = run.id();
            active.runId().complete(run.id());
            events.publish("run-started", Map.of("workspace", ws.name(), "runId", run.id(), "launchId",
                active.launchId(), "selection", run.selection(), "steps", plan.steps().size()));
        }

        @Override
        public void stepStarted(PlannedStep step, int attempt) {
            events.publish("step-started", Map.of("workspace", ws.name(), "runId", runId, "asset",
                step.asset().key().toString(), "partition", step.partitionKey(), "attempt", attempt));
        }

        @Override
        public void stepFinished(PlannedStep step, StepResult result) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("workspace", ws.name());
            data.put("runId", runId);
            data.put("asset", result.asset().toString());
            data.put("partition", result.partition());
            data.put("status", result.status().name());
            data.put("durationMs", result.durationMs());
            data.put("rows", result.rows().isPresent() ? result.rows().getAsLong() : null);
            data.put("message", result.message());
            events.publish("step-finished", data);
            if (result.status() == dev.martello.core.runs.StepStatus.SUCCEEDED) {
                ws.changedSoon();
                events.publish("materialized", Map.of("workspace", ws.name(), "runId", runId, "asset",
                    result.asset().toString(), "partition", result.partition()));
            }
        }

        @Override
        public void runFinished(RunResult result) {
            ws.changed();
            events.publish("run-finished", Map.of("workspace", ws.name(), "runId", result.run().id(), "launchId",
                active.launchId(), "status", result.status().name()));
        }
    }

    @Override
    public void close() {
        byLaunch.values().forEach(a -> a.cancellation().cancel());
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
