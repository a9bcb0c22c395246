package dev.martello.web;

import dev.martello.core.daemon.Daemon;
import dev.martello.core.daemon.WorkspaceLoadException;
import dev.martello.core.graph.ValidationReport;
import dev.martello.core.schedule.ScheduleProblems;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceLoader;
import dev.martello.web.api.ApiException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hosted workspace that the daemon runs ({@code martello serve}): the server reads the daemon's runtime of the
 * folder instead of opening the workspace a second time, follows it when the daemon reloads the folder, and sends
 * launches to the daemon's queue, backfills and schedules. While the folder does not load, the workspace is listed
 * with its problems and every other route answers 409 {@code WORKSPACE_BROKEN}.
 */
public final class DaemonLink {
    private final Daemon daemon;
    private final Path dir;
    private volatile dev.martello.core.daemon.HostedWorkspace current;

    public DaemonLink(Daemon daemon, Path dir) {
        this.daemon = daemon;
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public String node() {
        return daemon.node();
    }

    /** The daemon's workspace now (its successor after a reload), or empty while the folder does not load. */
    public Optional<dev.martello.core.daemon.HostedWorkspace> current() {
        dev.martello.core.daemon.HostedWorkspace c = current;
        if (c == null || c.isClosed()) {
            c = daemon.workspace(dir).orElse(null);
            current = c;
        }
        return Optional.ofNullable(c);
    }

    /** The running workspace, or a 409 naming why it does not run. */
    public dev.martello.core.daemon.HostedWorkspace require(String name) {
        return current().orElseThrow(() -> new ApiException(409, "WORKSPACE_BROKEN", "Workspace '" + name
            + "' (" + dir + ") is not running: " + String.join(" ", problems()) + " Fix workspace.yaml or the marts;"
            + " the daemon reloads it when workspace.yaml changes (or POST /api/workspaces/" + name + "/reload).",
            Map.of("problems", problems())));
    }

    /** Why the folder does not load, line by line; empty while it runs. */
    public List<String> problems() {
        return daemon.problem(dir).map(WorkspaceLoadException::getMessage).map(m -> m.lines().map(String::strip)
            .filter(l -> !l.isEmpty()).toList()).orElse(List.of());
    }

    /**
     * Reloads through the daemon (running runs get its grace period). Definitions that do not load are refused with
     * a 422 listing every problem, and the running version stays.
     */
    public void reload(String name) {
        Workspace loaded;
        try {
            loaded = new WorkspaceLoader().load(dir);
        } catch (RuntimeException e) {
            throw invalid(name, List.of(String.valueOf(e.getMessage())));
        }
        List<String> problems = new ArrayList<>();
        if (!loaded.problems().isEmpty()) {
            problems.addAll(ValidationReport.render(loaded.problems()).strip().lines().toList());
        } else {
            problems.addAll(ScheduleProblems.of(loaded));
        }
        if (!problems.isEmpty()) {
            throw invalid(name, problems);
        }
        daemon.reload(dir);
        current = null;
        if (current().isEmpty()) {
            throw new ApiException(422, "WORKSPACE_INVALID", "Workspace '" + name + "' could not be started again"
                + " and is not running until it is fixed: " + String.join(" ", problems()),
                Map.of("problems", problems()));
        }
    }

    private static ApiException invalid(String name, List<String> problems) {
        return new ApiException(422, "WORKSPACE_INVALID", "Workspace '" + name + "' has " + problems.size()
            + " problem(s); the server keeps the version it had. Fix them and reload again.",
            Map.of("problems", problems));
    }
}
