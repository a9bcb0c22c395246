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
 * Workspaces, reload, and the schedules/automation routes.
 *
 * <p>TODO(lead, scheduler): {@code martello dev} runs no scheduler, so the schedules and automation routes answer
 * 503 {@code SCHEDULER_NOT_RUNNING}. When {@code martello serve} wires the Quartz daemon in, give the server a port
 * onto it (next and last ticks, paused, evaluation reasons; pause/resume) and answer from it here; the page
 * ({@code schedules} view in app.js) already shows the 503's message and will render {@code items}.
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
                this::reload),
            Route.get("/api/workspaces/{ws}/schedules", Role.VIEWER, "automation",
                "List schedules and automation state", List.of(), this::schedules),
            Route.post("/api/workspaces/{ws}/schedules/{schedule}/pause", Role.OPERATOR, "automation",
                "Pause a schedule", null, this::schedules),
            Route.post("/api/workspaces/{ws}/schedules/{schedule}/resume", Role.OPERATOR, "automation",
                "Resume a schedule", null, this::schedules));
    }

    private void list(Context ctx) {
        ctx.json(workspaces.all().stream().map(SystemApi::view).toList());
    }

    private static Map<String, Object> view(HostedWorkspace w) {
        var graph = w.workspace().graph();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", w.name());
        m.put("description", w.workspace().config().description());
        m.put("marts", graph.marts().size());
        m.put("assets", graph.assets().size());
        m.put("nodes", graph.size());
        m.put("problems", w.workspace().problems().stream().map(dev.martello.dsl.Problem::render).toList());
        return m;
    }

    private void reload(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        if (launcher.hasActiveRuns(ws.name())) {
            throw ApiException.conflict("RUNS_ACTIVE", "Workspace '" + ws.name() + "' has runs in progress; reload"
                + " when they have ended (or cancel them).");
        }
        ws.reload();
        ctx.json(view(ws));
    }

    private void schedules(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        throw new ApiException(503, "SCHEDULER_NOT_RUNNING", "This server runs no scheduler for workspace '"
            + ws.name() + "' (martello dev); schedules and automation are shown by martello serve.", Map.of());
    }
}
