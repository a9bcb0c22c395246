package dev.martello.core.execution;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.planning.Plan;
import dev.martello.core.planning.Planner;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.InterruptedRunPolicy;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStore;
import dev.martello.core.warehouse.JdbcWarehouse;
import dev.martello.core.warehouse.Warehouse;
import dev.martello.core.workspace.RunsConfig;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.SourceSeed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One workspace, ready to materialize: its warehouse and metadata store opened from {@code workspace.yaml}, runs a
 * dead process left running marked failed (on the embedded store; see {@link #recoverInterruptedRuns()}), and its
 * sources seeded if it names a seed and they are missing.
 *
 * <pre>{@code
 * try (WorkspaceRuntime runtime = WorkspaceRuntime.open(new WorkspaceLoader().load(dir))) {
 *     RunResult result = runtime.materialize("+core/gmv_daily", PartitionChoice.latest(), RunOptions.manual(),
 *         RunListener.NONE);
 * }
 * }</pre>
 */
public final class WorkspaceRuntime implements AutoCloseable {
    /** Why a run found running on open was failed: only one process uses the embedded stores at a time. */
    public static final String INTERRUPTED = "the process running it stopped before the run finished";

    private final Workspace workspace;
    private final RuntimeSettings settings;
    private final RunStore store;
    private final Warehouse warehouse;
    private final Executor executor;
    private final List<Run> recovered;
    /** Started when this runtime first executes or claims runs: read-only commands leave no node row behind. */
    private NodeHeartbeat heartbeat;

    private WorkspaceRuntime(Workspace workspace, RuntimeSettings settings, RunStore store, Warehouse warehouse,
                             List<Run> recovered) {
        this.workspace = workspace;
        this.settings = settings;
        this.store = store;
        this.warehouse = warehouse;
        this.recovered = List.copyOf(recovered);
        this.executor = new Executor(workspace.name(), workspace.graph(), warehouse, store,
            settings.warehouseConcurrency(), settings.node());
    }

    /**
     * Announces this process as a node that executes runs, heartbeating until {@link #close()}, so that other nodes
     * sharing the store leave its runs alone while it lives. Called before running or claiming anything; idempotent.
     */
    public synchronized void joinAsNode() {
        if (heartbeat == null) {
            heartbeat = new NodeHeartbeat(store, settings.node());
        }
    }

    public static WorkspaceRuntime open(Workspace workspace) {
        return open(workspace, RuntimeSettings.defaults());
    }

    public static WorkspaceRuntime open(Workspace workspace, RuntimeSettings settings) {
        RunStore store = Backends.metadata(workspace, settings.environment());
        Warehouse warehouse = null;
        try {
            List<Run> recovered = ownsStore(workspace) ? recover(store, settings, policy(workspace)) : List.of();
            warehouse = JdbcWarehouse.open(Backends.warehouse(workspace, settings.environment()));
            WorkspaceRuntime runtime = new WorkspaceRuntime(workspace, settings, store, warehouse, recovered);
            if (settings.seedSources() && runtime.seeder().needed()) {
                runtime.seed();
            }
            return runtime;
        } catch (RuntimeException e) {
            if (warehouse != null) {
                warehouse.close();
            }
            store.close();
            throw e;
        }
    }

    /**
     * Whether this process is the only one using the metadata store: the embedded H2 file admits one process at a
     * time, so a run found running there was left by a dead one. On a shared PostgreSQL store it may be another
     * process's live run (say, a {@code materialize} while this one shows {@code status}), so recovery there is
     * {@link #recoverInterruptedRuns() asked for} where no other process can be running, e.g. at server start.
     */
    private static boolean ownsStore(Workspace workspace) {
        return workspace.config().metadata().type() == WorkspaceConfig.MetadataConfig.Type.H2;
    }

    private static List<Run> recover(RunStore store, RuntimeSettings settings, InterruptedRunPolicy policy) {
        List<Run> recovered = store.recoverInterruptedRuns(INTERRUPTED, policy);
        recovered.forEach(r -> settings.notices().accept("Run " + r.id() + " was left running; "
            + (policy == InterruptedRunPolicy.REQUEUE ? "queued again" : "marked FAILED") + ": " + INTERRUPTED + "."));
        return recovered;
    }

    /** What {@code runs.onInterrupted} in workspace.yaml says to do with a run whose process died. */
    public static InterruptedRunPolicy policy(Workspace workspace) {
        return workspace.config().runs().onInterrupted() == RunsConfig.OnInterrupted.REQUEUE
            ? InterruptedRunPolicy.REQUEUE : InterruptedRunPolicy.FAIL;
    }

    /**
     * Recovers the runs of nodes sharing this store whose heartbeat stopped more than {@link NodeHeartbeat#DEAD_AFTER}
     * ago (and of runs no live node owns), per {@code runs.onInterrupted}. Safe while other nodes run.
     */
    public List<Run> recoverDeadNodes() {
        List<Run> out = store.recoverDeadNodes(Instant.now().minus(NodeHeartbeat.DEAD_AFTER), INTERRUPTED,
            policy(workspace));
        out.forEach(r -> settings.notices().accept("Run " + r.id() + " of a stopped node recovered: now "
            + r.status() + "."));
        return out;
    }

    /** This process's node id, recorded on the runs it executes. */
    public String node() {
        return settings.node();
    }

    public RuntimeSettings settings() {
        return settings;
    }

    /** The plan of exactly these asset partitions (a queued run's pending steps, a retry, a backfill chunk). */
    public Plan planTargets(String selection, Collection<AssetPartition> targets) {
        requireValid();
        return new Planner(workspace.graph(), settings.clock()).planTargets(selection, targets);
    }

    /** {@link #plan} as of another instant (a schedule's tick: the latest partition complete at that time). */
    public Plan plan(String selection, PartitionChoice partitions, Instant asOf) {
        requireValid();
        return new Planner(workspace.graph(), Clock.fixed(asOf, ZoneOffset.UTC)).plan(selection, partitions);
    }

    /** Executes a run the queue claimed; see {@link Executor#execute}. */
    public RunResult executeClaimed(Run run, Plan plan, RunOptions options, RunListener listener) {
        requireValid();
        joinAsNode();
        return executor.execute(run, plan, options, listener);
    }

    /**
     * Fails every run the store has running, with its steps, and releases their locks. Done on open for the embedded
     * store; call it for a shared store only when no other process can be running runs.
     */
    public List<Run> recoverInterruptedRuns() {
        return recover(store, settings, policy(workspace));
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The runs found running when this runtime opened its embedded store, now failed. */
    public List<Run> recoveredRuns() {
        return recovered;
    }

    /** Drops, recreates and fills the workspace's sources with its seed (e.g. at another scale after a config change). */
    public SourceSeed.Options seed() {
        WorkspaceConfig.SeedConfig seed = workspace.config().seed();
        if (seed == null) {
            throw new IllegalStateException("Workspace '" + workspace.name() + "' names no seed in workspace.yaml.");
        }
        settings.notices().accept("Seeding the sources of workspace '" + workspace.name() + "' with "
            + seed.className() + " (scale " + seed.scale() + ")…");
        return seeder().seed();
    }

    /** The steps {@code selection} and {@code partitions} stand for, in dependency order, without running them. */
    public Plan plan(String selection, PartitionChoice partitions) {
        requireValid();
        return new Planner(workspace.graph(), settings.clock()).plan(selection, partitions);
    }

    public RunResult materialize(String selection, PartitionChoice partitions, RunOptions options,
                                 RunListener listener) {
        return execute(plan(selection, partitions), options, listener);
    }

    /** Runs a plan made by {@link #plan}; blocks until the run has ended. */
    public RunResult execute(Plan plan, RunOptions options, RunListener listener) {
        requireValid();
        joinAsNode();
        return executor.run(plan, options, listener);
    }

    public List<AssetStatus> status(String selection) {
        return new StatusReader(workspace.graph(), store, settings.clock()).status(selection);
    }

    /** The newest runs first. */
    public List<Run> runs(int limit) {
        return store.runs(limit);
    }

    public Optional<RunDetails> run(String runId) {
        return store.run(runId).map(r -> new RunDetails(r, store.steps(runId), store.events(runId)));
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public RunStore store() {
        return store;
    }

    private SourceSeeder seeder() {
        return new SourceSeeder(workspace, warehouse, settings.clock());
    }

    /** A graph with problems may miss assets or hold cycles: running it would do part of the work, or the wrong one. */
    private void requireValid() {
        int n = workspace.problems().size();
        if (n > 0) {
            throw new IllegalStateException("Workspace '" + workspace.name() + "' has " + n + " problem"
                + (n == 1 ? "" : "s") + "; fix " + (n == 1 ? "it" : "them") + " before materializing (martello"
                + " validate lists them).");
        }
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (heartbeat != null) {
                    heartbeat.close();
                }
            }
            warehouse.close();
        } finally {
            store.close();
        }
    }
}
