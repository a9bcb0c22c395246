package dev.martello.web;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.workspace.Workspace;
import dev.martello.web.api.ApiException;
import dev.martello.web.assets.AssetStates;
import dev.martello.web.assets.StateSnapshot;
import dev.martello.web.freshness.FreshnessSource;
import dev.martello.web.freshness.FreshnessWatch;
import dev.martello.web.history.MaterializationHistory;
import dev.martello.web.lineage.LineageCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One workspace the server hosts: its open runtime (replaced on reload), and the server's read models over it
 * (materialization history, the {@link StateSnapshot} of asset states and freshness, lineage layouts). The read
 * models are rebuilt by {@link #refresh()} — on the server's timer and when a run of this server progresses — so
 * requests only read them. Freshness comes from core's evaluator ({@link FreshnessWatch}); whether this server or a
 * daemon records its transitions is the {@link FreshnessSource}. A workspace that failed to load is hosted too, with
 * its problems, so a broken one is reported rather than fatal.
 */
public final class HostedWorkspace {
    private static final Logger LOG = LoggerFactory.getLogger(HostedWorkspace.class);

    private final String name;
    private final WorkspaceSource source;
    private final FreshnessSource freshnessSource;
    private final Clock clock;
    private final AssetStates states = new AssetStates();
    private final LineageCache lineage = new LineageCache();
    private final DaemonLink daemon;
    private volatile WorkspaceRuntime runtime;
    private volatile MaterializationHistory history;
    private volatile Consumer<StateSnapshot> listener = s -> { };
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private FreshnessWatch freshness;

    private HostedWorkspace(String name, WorkspaceRuntime runtime, WorkspaceSource source, DaemonLink daemon,
                            FreshnessSource freshnessSource, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.daemon = daemon;
        this.freshnessSource = Objects.requireNonNull(freshnessSource, "freshnessSource");
        this.clock = clock;
        this.runtime = runtime;
        this.history = runtime == null ? null : new MaterializationHistory(runtime.store());
    }

    /**
     * @param runtime   the workspace, open
     * @param source    how to reload it, or null when this server may not reload it
     * @param freshness {@link FreshnessSource#SERVER} when this server evaluates and records freshness (as under
     *                  {@code martello dev}), {@link FreshnessSource#DAEMON} when a daemon already does
     */
    public static HostedWorkspace of(WorkspaceRuntime runtime, WorkspaceSource source, FreshnessSource freshness,
                                     Clock clock) {
        return new HostedWorkspace(runtime.workspace().name(), runtime, source, null, freshness, clock);
    }

    /**
     * A workspace the daemon runs ({@code martello serve}): the server uses the daemon's runtime and follows its
     * reloads; {@code name} is the workspace's name (the folder's while it has never loaded). The daemon records
     * freshness, so the server only previews it ({@link FreshnessSource#DAEMON}).
     */
    public static HostedWorkspace onDaemon(String name, DaemonLink daemon, Clock clock) {
        return new HostedWorkspace(name, daemon.current().map(h -> h.runtime()).orElse(null), null, daemon,
            FreshnessSource.DAEMON, clock);
    }

    /** The daemon's side of this workspace under {@code martello serve}; empty under {@code martello dev}. */
    public Optional<DaemonLink> daemon() {
        return Optional.ofNullable(daemon);
    }

    /** Whether it is hosted for a daemon that could not start it: nothing to refresh, its problems are shown. */
    public boolean notRunning() {
        return daemon != null && daemon.current().isEmpty();
    }

    /** Why the workspace does not run or has problems, one line each; empty when it is valid. */
    public List<String> problems() {
        if (notRunning()) {
            return daemon.problems();
        }
        return workspace().problems().stream().map(dev.martello.dsl.Problem::render).toList();
    }

    public String name() {
        return name;
    }

    public WorkspaceRuntime runtime() {
        return daemon == null ? runtime : follow();
    }

    public Workspace workspace() {
        return runtime().workspace();
    }

    public MaterializationHistory history() {
        runtime();
        return history;
    }

    /** The daemon's runtime now; after a reload the read models start again over the new one. */
    private WorkspaceRuntime follow() {
        WorkspaceRuntime now = daemon.require(name).runtime();
        if (now != runtime) {
            synchronized (this) {
                if (now != runtime) {
                    history = new MaterializationHistory(now.store());
                    freshness = null;
                    runtime = now;
                    lineage.clear();
                }
            }
        }
        return now;
    }

    public LineageCache lineage() {
        return lineage;
    }

    public FreshnessSource freshnessSource() {
        return freshnessSource;
    }

    /** The current asset states; computed here only when there is none yet for the current runtime. */
    public StateSnapshot snapshot() {
        StateSnapshot s = states.current();
        if (s == null || s.runtime() != runtime()) {
            return refresh();
        }
        return s;
    }

    /** Called with each new snapshot (the server turns its freshness transitions into live events). */
    void onRefresh(Consumer<StateSnapshot> value) {
        listener = Objects.requireNonNull(value);
    }

    /**
     * Judges freshness now (recording its transitions under {@link FreshnessSource#SERVER}), reads what new runs
     * materialized and checked, and publishes a new snapshot of every asset's state.
     */
    public synchronized StateSnapshot refresh() {
        WorkspaceRuntime rt = runtime();
        Instant now = clock.instant();
        FreshnessWatch.Evaluation evaluation;
        if (rt.workspace().problems().isEmpty()) {
            if (freshness == null) {
                freshness = FreshnessWatch.open(rt, freshnessSource);
            }
            evaluation = freshness.evaluate(now);
        } else {
            evaluation = new FreshnessWatch.Evaluation(now, List.of(), Map.of(), null);
        }
        history.refresh();
        StateSnapshot s = states.refresh(rt, evaluation);
        try {
            listener.accept(s);
        } catch (RuntimeException e) {
            LOG.warn("Workspace {}: a refresh listener failed: {}", name, e.getMessage());
        }
        return s;
    }

    /** After a run of this server ended: read models catch up before the caller announces the end. */
    public void changed() {
        refresh();
    }

    /**
     * After a step of a run materialized something: a refresh on a virtual thread, coalesced (while one is waiting
     * to start, more calls add nothing), so a run of many steps is not slowed by a refresh per step.
     */
    public void changedSoon() {
        if (refreshPending.compareAndSet(false, true)) {
            Thread.ofVirtual().name("martello-refresh-" + name).start(() -> {
                refreshPending.set(false);
                try {
                    refresh();
                } catch (RuntimeException e) {
                    LOG.warn("Workspace {} could not be refreshed: {}", name, e.getMessage());
                }
            });
        }
    }

    /**
     * Loads the definitions again and, when they are valid, swaps in a newly opened runtime; an invalid load keeps
     * the running one and answers 422 with every problem. The caller makes sure no run of this workspace is active.
     */
    public synchronized Workspace reload() {
        if (daemon != null) {
            daemon.reload(name);
            refresh();
            return workspace();
        }
        if (source == null) {
            throw ApiException.conflict("RELOAD_UNSUPPORTED", "Workspace '" + name + "' was given to this server"
                + " ready-made and cannot be reloaded; restart the server instead.");
        }
        Workspace loaded = source.load();
        if (!loaded.problems().isEmpty()) {
            throw new ApiException(422, "WORKSPACE_INVALID", "Workspace '" + name + "' has " + loaded.problems().size()
                + " problem(s); the server keeps the version it had. Fix them and reload again.",
                Map.of("problems", loaded.problems().stream().map(dev.martello.dsl.Problem::render).toList()));
        }
        WorkspaceRuntime old = runtime;
        old.close();
        WorkspaceRuntime fresh = source.open(loaded);
        runtime = fresh;
        history = new MaterializationHistory(fresh.store());
        freshness = null;
        lineage.clear();
        refresh();
        return loaded;
    }

    void close() {
        if (daemon == null) {
            runtime.close();
        }
    }
}
