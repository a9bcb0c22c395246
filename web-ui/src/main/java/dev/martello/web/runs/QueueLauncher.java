package dev.martello.web.runs;

import dev.martello.core.backfill.Backfill;
import dev.martello.core.backfill.BackfillPlan;
import dev.martello.core.backfill.BackfillRequest;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.planning.Plan;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.api.ApiException;

import java.util.Map;

/**
 * Launches under {@code martello serve}: a materialization is queued on the daemon's run queue (so the workspace's
 * {@code runs.maxConcurrent}, pools and priorities hold, and it waits {@code QUEUED} when they are reached), a
 * partition range becomes a backfill of the daemon ({@code core.backfill}, chunks of {@value #CHUNK} partitions), and
 * cancel reaches queued runs and runs executing on this node. The run's progress reaches pages through
 * {@link RunWatcher}.
 */
public final class QueueLauncher {
    /** Partitions per backfill run, as {@code martello backfill}'s default. */
    static final int CHUNK = 10;
    /** Below manual launches, as {@code martello backfill}'s default: a long backfill leaves room for other runs. */
    static final int BACKFILL_PRIORITY = -10;

    public LaunchResult launch(HostedWorkspace ws, String selection, PartitionChoice partitions, String trigger) {
        var daemon = ws.daemon().orElseThrow().require(ws.name());
        if (partitions instanceof PartitionChoice.Range(String from, String to)) {
            BackfillRequest request = new BackfillRequest(ws.name(), selection, from, to, CHUNK, false,
                BACKFILL_PRIORITY);
            try {
                BackfillPlan plan = daemon.backfills().plan(request);
                Backfill b = daemon.backfills().start(request);
                return new LaunchResult(b.id(), null, "BACKFILL", plan.steps());
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "INVALID_BACKFILL", e.getMessage(), Map.of("select", selection));
            }
        }
        Plan plan = ws.runtime().plan(selection, partitions);
        if (plan.isEmpty()) {
            throw ApiException.badRequest("EMPTY_PLAN", "Selection '" + selection + "' selects no asset to"
                + " materialize (sources are never materialized). Try '" + selection + "+' or a mart: 'mart:<name>'.");
        }
        Run run = daemon.queue().enqueue(plan, trigger, 0, null, 1);
        return new LaunchResult(run.id(), run.id(), run.status().name(), plan.steps().size());
    }

    /** Cancels a queued run, or a run executing on this node (it ends CANCELED). */
    public void cancel(HostedWorkspace ws, String runId) {
        if (!ws.daemon().orElseThrow().require(ws.name()).queue().cancel(runId)) {
            throw ApiException.conflict("RUN_NOT_ACTIVE", "Run '" + runId + "' is neither queued nor running on this"
                + " node: it has ended, or another node of the cluster runs it.");
        }
    }

    /** Whether {@link #cancel} can reach the run: queued, or started on this node. */
    public boolean isActive(HostedWorkspace ws, Run run) {
        return run.status() == RunStatus.QUEUED || run.status() == RunStatus.STARTED
            && ws.daemon().orElseThrow().node().equals(run.node());
    }
}
