package dev.martello.web;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.workspace.Workspace;
import dev.martello.web.api.ApiException;
import dev.martello.web.assets.AssetStates;
import dev.martello.web.freshness.FreshnessEvaluator;
import dev.martello.web.history.MaterializationHistory;
import dev.martello.web.lineage.LineageCache;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One workspace the server hosts: its open runtime (replaced on reload), and the server's read models over it
 * (materialization history, asset states, lineage layouts). A workspace that failed to load is hosted too, with its
 * problems, so a broken one is reported rather than fatal.
 */
public final class HostedWorkspace {
    private final String name;
    private final WorkspaceSource source;
    private final MaterializationHistory.Factory historyFactory;
    private final AssetStates states;
    private final LineageCache lineage = new LineageCache();
    private final DaemonLink daemon;
    private volatile WorkspaceRuntime runtime;
    private volatile MaterializationHistory history;

    private HostedWorkspace(String name, WorkspaceRuntime runtime, WorkspaceSource source, DaemonLink daemon,
                            FreshnessEvaluator evaluator, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.daemon = daemon;
        this.historyFactory = store -> new MaterializationHistory(store, clock, Duration.ofSeconds(5));
        this.states = new AssetStates(evaluator, clock, Duration.ofSeconds(2));
        this.runtime = runtime;
        this.history = runtime == null ? null : historyFactory.create(runtime.store());
    }

    /**
     * @param runtime the workspace, open
     * @param source  how to reload it, or null when this server may not reload it
     */
    public static HostedWorkspace of(WorkspaceRuntime runtime, WorkspaceSource source, FreshnessEvaluator evaluator,
                                     Clock clock) {
        return new HostedWorkspace(runtime.workspace().name(), runtime, source, null, evaluator, clock);
    }

    /**
     * A workspace the daemon runs ({@code martello serve}): the server uses the daemon's runtime and follows its
     * reloads; {@code name} is the workspace's name (the folder's while it has never loaded).
     */
    public static HostedWorkspace onDaemon(String name, DaemonLink daemon, FreshnessEvaluator evaluator, Clock clock) {
        return new HostedWorkspace(name, daemon.current().map(h -> h.runtime()).orElse(null), null, daemon, evaluator,
            clock);
    }

    /** The daemon's side of this workspace under {@code martello serve}; empty under {@code martello dev}. */
    public Optional<DaemonLink> daemon() {
        return Optional.ofNullable(daemon);
    }

    /** Why the workspace does not run or has problems, one line each; empty when it is valid. */
    public List<String> problems() {
        if (daemon != null && daemon.current().isEmpty()) {
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
                    history = historyFactory.create(now.store());
                    runtime = now;
                    states.invalidate();
                    lineage.clear();
                }
            }
        }
        return now;
    }

    public AssetStates states() {
        return states;
    }

    public LineageCache lineage() {
        return lineage;
    }

    /** After a run of this server ended: read models catch up at once. */
    public void changed() {
        states.invalidate();
        history.refresh(true);
    }

    /**
     * Loads the definitions again and, when they are valid, swaps in a newly opened runtime; an invalid load keeps
     * the running one and answers 422 with every problem. The caller makes sure no run of this workspace is active.
     */
    public synchronized Workspace reload() {
        if (daemon != null) {
            daemon.reload(name);
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
        history = historyFactory.create(fresh.store());
        states.invalidate();
        lineage.clear();
        return loaded;
    }

    void close() {
        if (daemon == null) {
            runtime.close();
        }
    }
}
