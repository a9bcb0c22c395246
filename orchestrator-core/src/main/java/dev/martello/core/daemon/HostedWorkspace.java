package dev.martello.core.daemon;

import dev.martello.core.backfill.Backfills;
import dev.martello.core.backfill.jooq.JooqBackfillStore;
import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.graph.ValidationReport;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.schedule.PeriodicTask;
import dev.martello.core.schedule.ScheduleControl;
import dev.martello.core.schedule.ScheduleProblems;
import dev.martello.core.schedule.quartz.QuartzScheduler;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One workspace a daemon runs: its runtime, run queue, backfills and scheduler. Opening it recovers runs of dead
 * nodes, starts the queue (which picks up runs left queued), stores the schedules and starts firing. Every
 * {@link #REAP_INTERVAL} it recovers the runs of nodes whose heartbeat stopped.
 */
public final class HostedWorkspace implements AutoCloseable {
    static final Duration REAP_INTERVAL = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(HostedWorkspace.class);

    private final Path dir;
    private final WorkspaceRuntime runtime;
    private final WorkspaceQueue queue;
    private final Backfills backfills;
    private final QuartzScheduler scheduler;
    private final ScheduledExecutorService reaper;
    private volatile boolean closed;

    private HostedWorkspace(Path dir, WorkspaceRuntime runtime, WorkspaceQueue queue, Backfills backfills,
                            QuartzScheduler scheduler, ScheduledExecutorService reaper) {
        this.dir = dir;
        this.runtime = runtime;
        this.queue = queue;
        this.backfills = backfills;
        this.scheduler = scheduler;
        this.reaper = reaper;
    }

    /**
     * @param tasks the periodic tasks of other features for this workspace (e.g. automation), given the queue
     * @throws WorkspaceLoadException with every problem when the workspace cannot run
     */
    static HostedWorkspace open(Path dir, RuntimeSettings settings,
                                Function<WorkspaceQueue, List<PeriodicTask>> tasks) {
        Workspace ws;
        try {
            ws = new WorkspaceLoader().load(dir);
        } catch (RuntimeException e) {
            throw new WorkspaceLoadException(dir, e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (!ws.problems().isEmpty()) {
            problems.add(ValidationReport.render(ws.problems()).strip());
        } else {
            problems.addAll(ScheduleProblems.of(ws));
        }
        if (!problems.isEmpty()) {
            throw new WorkspaceLoadException(dir, "Workspace '" + ws.name() + "' cannot run:\n"
                + String.join("\n", problems), null);
        }
        WorkspaceRuntime runtime = WorkspaceRuntime.open(ws, settings);
        WorkspaceQueue queue = null;
        try {
            runtime.recoverDeadNodes();
            queue = new WorkspaceQueue(runtime);
            Backfills backfills = new Backfills(runtime, queue, new JooqBackfillStore(runtime.store().database()));
            List<PeriodicTask> all = new ArrayList<>(tasks.apply(queue));
            all.add(backfills.launcher());
            WorkspaceQueue q = queue;
            QuartzScheduler scheduler = QuartzScheduler.open(ws.name(), runtime.node(), runtime.store().database(),
                q::submit, all);
            scheduler.syncSchedules(ws.config().schedules());
            queue.start();
            scheduler.start();
            ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "martello-reaper-" + ws.name());
                t.setDaemon(true);
                return t;
            });
            reaper.scheduleWithFixedDelay(() -> {
                try {
                    runtime.recoverDeadNodes();
                } catch (RuntimeException e) {
                    LOG.warn("Recovering the runs of stopped nodes failed; trying again", e);
                }
            }, REAP_INTERVAL.toMillis(), REAP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            return new HostedWorkspace(dir, runtime, queue, backfills, scheduler, reaper);
        } catch (RuntimeException e) {
            if (queue != null) {
                queue.close();
            }
            runtime.close();
            throw e;
        }
    }

    public String name() {
        return runtime.workspace().name();
    }

    public Path dir() {
        return dir;
    }

    public WorkspaceRuntime runtime() {
        return runtime;
    }

    public WorkspaceQueue queue() {
        return queue;
    }

    public Backfills backfills() {
        return backfills;
    }

    public QuartzScheduler scheduler() {
        return scheduler;
    }

    /** The schedules for operators: next and last ticks, pause and resume. */
    public ScheduleControl schedules() {
        return scheduler.control();
    }

    /** Whether this workspace was stopped (its runtime is closed, e.g. by a reload); the daemon has its successor. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops ticks and launches, lets running runs finish for up to {@code grace}, then cancels the rest and waits for
     * them to be recorded CANCELED; then closes the runtime.
     */
    void stop(Duration grace) {
        try {
            scheduler.close();
            reaper.shutdownNow();
            queue.stopLaunching();
            if (!queue.awaitIdle(grace)) {
                LOG.warn("Workspace {}: {} run(s) still running after the grace period of {}; canceling them",
                    name(), queue.running(), grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            queue.close();
            runtime.close();
        }
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
