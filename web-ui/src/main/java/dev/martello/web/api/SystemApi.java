package dev.martello.web.api;

import dev.martello.web.HostedWorkspace;
import dev.martello.web.Workspaces;
import dev.martello.web.auth.Role;
import dev.martello.web.runs.RunLauncher;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hosted workspaces (a broken one with its problems) and reload. Under {@code martello serve} a reload goes through
 * the daemon (running runs get its grace period); under {@code martello dev} it waits until no run is active.
 * Schedules and automation are {@code web.schedules.SchedulesApi}.
 */
public final class SystemApi {
    private final Workspaces workspaces;
    private final RunLauncher launcher;

    public SystemApi(Workspaces workspaces, RunLauncher launcher) {
        this.workspaces = workspaces;
        this.launcher = launcher;
    }

    public List<Route> routes() {
        return List.of(
            Route.get("/api/workspaces", Role.VIEWER, "workspaces", "List hosted workspaces", List.of(), this::list),
            Route.post("/api/workspaces/{ws}/reload", Role.OPERATOR, "workspaces", "Reload a workspace", null,
                this::reload));
    }

    private void list(Context ctx) {
        ctx.json(workspaces.all().stream().map(SystemApi::view).toList());
    }

    private static Map<String, Object> view(HostedWorkspace w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", w.name());
        List<String> problems = w.problems();
        boolean running = w.daemon().map(d -> d.current().isPresent()).orElse(true);
        m.put("running", running);
        if (running) {
            var graph = w.workspace().graph();
            m.put("description", w.workspace().config().description());
            m.put("marts", graph.marts().size());
            m.put("assets", graph.assets().size());
            m.put("nodes", graph.size());
        }
        m.put("scheduler", w.daemon().isPresent());
        m.put("problems", problems);
        return m;
    }

    private void reload(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        if (ws.daemon().isEmpty() && launcher.hasActiveRuns(ws.name())) {
            throw ApiException.conflict("RUNS_ACTIVE", "Workspace '" + ws.name() + "' has runs in progress; reload"
                + " when they have ended (or cancel them).");
        }
        ws.reload();
        ctx.json(view(ws));
    }
}
