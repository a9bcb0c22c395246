package dev.martello.web.runs;

import dev.martello.core.execution.RunDetails;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.planning.Plan;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.Workspaces;
import dev.martello.web.api.ApiException;
import dev.martello.web.api.Requests;
import dev.martello.web.api.Route;
import dev.martello.web.auth.Principal;
import dev.martello.web.auth.Role;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.martello.web.api.Route.param;

/** Runs: list, detail, events, logs; launch (materialization or a partition-range backfill), plan, cancel. */
public final class RunsApi {
    private static final String BASE = "/api/workspaces/{ws}/runs";
    private static final String RUN_ID = "[0-9a-z]{1,40}";

    private final Workspaces workspaces;
    private final RunLauncher launcher;
    private final QueueLauncher queued = new QueueLauncher();
    private final RecentRuns recent;

    /** Launches run on {@code launcher} under {@code martello dev}, on the daemon's queue under {@code serve}. */
    public RunsApi(Workspaces workspaces, RunLauncher launcher, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.recent = new RecentRuns(json);
        this.workspaces = workspaces;
        this.launcher = launcher;
    }

    /** The body of a launch or plan request; a partition range makes it a backfill of that range in one run. */
    public record LaunchRequest(String select, String partition, String from, String to) {
        PartitionChoice choice() {
            if (partition != null && (from != null || to != null)) {
                throw ApiException.badRequest("INVALID_PARTITIONS", "Give either 'partition' or 'from'/'to', not both.");
            }
            if ((from == null) != (to == null)) {
                throw ApiException.badRequest("INVALID_PARTITIONS", "A partition range needs both 'from' and 'to'.");
            }
            if (partition != null) {
                return new PartitionChoice.Single(partition);
            }
            return from != null ? new PartitionChoice.Range(from, to) : PartitionChoice.latest();
        }

        String selection() {
            if (select == null || select.isBlank()) {
                throw ApiException.badRequest("INVALID_SELECTION", "'select' is required, e.g. {\"select\":"
                    + " \"+core/gmv_daily\"}; '*' selects everything.");
            }
            return select;
        }
    }

    public List<Route> routes() {
        return List.of(
            Route.get(BASE, Role.VIEWER, "runs", "List runs", List.of(
                param("limit", "integer", "newest N (1-1000, default 50)"),
                param("status", "string", "QUEUED, STARTED, SUCCEEDED, FAILED or CANCELED")), this::list),
            Route.get(BASE + "/{runId}", Role.VIEWER, "runs", "Show a run with its steps", List.of(), this::detail),
            Route.get(BASE + "/{runId}/events", Role.VIEWER, "runs", "List a run's events", List.of(), this::events),
            Route.get(BASE + "/{runId}/logs", Role.VIEWER, "runs", "List a run's log lines",
                List.of(param("asset", "string", "only this step's lines")), this::logs),
            Route.post(BASE, Role.OPERATOR, "runs", "Launch a materialization",
                "{select, partition?} or a backfill {select, from, to}", this::launch),
            Route.post("/api/workspaces/{ws}/plan", Role.VIEWER, "runs", "Plan a materialization without running it",
                "{select, partition?, from?, to?}", this::plan),
            Route.post(BASE + "/{runId}/cancel", Role.OPERATOR, "runs", "Cancel a run", null, this::cancel));
    }

    private void list(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        int limit = Requests.intParam(ctx, "limit", 50, 1, 1000);
        String status = Requests.param(ctx, "status");
        List<Run> runs;
        if (status == null) {
            ctx.contentType("application/json").result(recent.newest(ws, limit));
            return;
        } else {
            RunStatus s;
            try {
                s = RunStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_PARAMETER", "Query parameter 'status' must be one of QUEUED,"
                    + " STARTED, SUCCEEDED, FAILED, CANCELED; not '" + status + "'.");
            }
            runs = ws.runtime().store().runs(limit, s);
        }
        ctx.json(runs);
    }

    private RunDetails details(Context ctx, HostedWorkspace ws) {
        String id = ctx.pathParam("runId");
        if (!id.matches(RUN_ID)) {
            throw new ApiException(400, "INVALID_RUN_ID", "'" + id + "' is not a run id (lower-case letters and"
                + " digits, as in GET /api/workspaces/" + ws.name() + "/runs).", Map.of("runId", id));
        }
        return ws.runtime().run(id).orElseThrow(() -> new ApiException(404, "RUN_NOT_FOUND", "Workspace '"
            + ws.name() + "' has no run '" + id + "'.", Map.of("runId", id)));
    }

    private void detail(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        RunDetails d = details(ctx, ws);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", d.run());
        out.put("steps", d.steps().stream().map(RunViews::step).toList());
        out.put("cancellable", !d.run().status().isTerminal() && (ws.daemon().isPresent()
            ? queued.isActive(ws, d.run()) : launcher.isActive(ws.name(), d.run().id())));
        ctx.json(out);
    }

    private void events(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        ctx.json(details(ctx, ws).events().stream().map(RunViews::event).toList());
    }

    private void logs(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        String asset = Requests.param(ctx, "asset");
        ctx.json(details(ctx, ws).events().stream()
            .filter(e -> e instanceof RunEvent.Log || e instanceof RunEvent.StepFailed
                || e instanceof RunEvent.StepSkipped || e instanceof RunEvent.CheckEvaluated)
            .filter(e -> asset == null || e instanceof RunEvent.StepEvent s && s.asset().toString().equals(asset)
                || e instanceof RunEvent.Log l && l.asset() != null && l.asset().toString().equals(asset))
            .map(RunViews::event).toList());
    }

    private void launch(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        LaunchRequest req = ctx.bodyAsClass(LaunchRequest.class);
        Principal who = ctx.attribute(Principal.class.getName());
        String trigger = "manual:" + (who == null ? "anonymous" : who.name());
        LaunchResult result = ws.daemon().isPresent() ? queued.launch(ws, req.selection(), req.choice(), trigger)
            : launcher.launch(ws, req.selection(), req.choice(), trigger);
        ctx.status(result.runId() == null ? 202 : 201).json(result);
    }

    private void plan(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        LaunchRequest req = ctx.bodyAsClass(LaunchRequest.class);
        Plan plan = ws.runtime().plan(req.selection(), req.choice());
        ctx.json(Map.of("selection", plan.selection(), "steps", plan.steps().stream().map(s -> Map.of(
            "asset", s.asset().key().toString(), "partition", s.partitionKey(), "dependsOn", s.dependsOn())).toList()));
    }

    private void cancel(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        RunDetails d = details(ctx, ws);
        if (d.run().status().isTerminal()) {
            throw ApiException.conflict("RUN_NOT_ACTIVE", "Run '" + d.run().id() + "' already ended "
                + d.run().status() + "; nothing to cancel.");
        }
        if (ws.daemon().isPresent()) {
            queued.cancel(ws, d.run().id());
        } else {
            launcher.cancel(ws.name(), d.run().id());
        }
        ctx.status(202).json(Map.of("runId", d.run().id(), "state", "CANCELLING"));
    }
}
