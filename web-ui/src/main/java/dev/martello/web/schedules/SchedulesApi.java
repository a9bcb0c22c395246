package dev.martello.web.schedules;

import dev.martello.core.automation.AutomationStore;
import dev.martello.core.automation.Decision;
import dev.martello.core.automation.Evaluation;
import dev.martello.core.automation.jooq.JooqAutomationStore;
import dev.martello.core.schedule.ScheduleControl;
import dev.martello.core.schedule.ScheduleState;
import dev.martello.core.schedule.UnknownScheduleException;
import dev.martello.dsl.Asset;
import dev.martello.web.DaemonLink;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.Workspaces;
import dev.martello.web.api.ApiException;
import dev.martello.web.api.Requests;
import dev.martello.web.api.Route;
import dev.martello.web.auth.Role;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.martello.web.api.Route.param;

/**
 * Schedules and automation state of a workspace the daemon runs: each schedule with its cron, time zone, selection,
 * next and last tick and pause flag (pause/resume for operators, kept in the job store), and per asset with an
 * automation policy its latest decisions with their reasons (what {@code martello why} prints). Under
 * {@code martello dev} no scheduler runs, so these routes answer 503 {@code SCHEDULER_NOT_RUNNING}.
 */
public final class SchedulesApi {
    private static final String BASE = "/api/workspaces/{ws}/schedules";

    private final Workspaces workspaces;
    private final Clock clock;

    public SchedulesApi(Workspaces workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
            Route.get(BASE, Role.VIEWER, "automation", "List schedules and automation state", List.of(
                param("asset", "string", "only automation decisions of assets whose key contains this text"),
                param("decision", "string", "only assets whose latest decision is REQUESTED or SKIPPED"),
                param("limit", "integer", "decisions per asset, newest first (1-50, default 5)")), this::list),
            Route.post(BASE + "/{schedule}/pause", Role.OPERATOR, "automation", "Pause a schedule", null,
                ctx -> change(ctx, true)),
            Route.post(BASE + "/{schedule}/resume", Role.OPERATOR, "automation", "Resume a schedule", null,
                ctx -> change(ctx, false)));
    }

    private static DaemonLink daemon(HostedWorkspace ws) {
        return ws.daemon().orElseThrow(() -> new ApiException(503, "SCHEDULER_NOT_RUNNING", "This server runs no"
            + " scheduler for workspace '" + ws.name() + "' (martello dev); schedules and automation are shown by"
            + " martello serve.", Map.of()));
    }

    private static ScheduleControl control(HostedWorkspace ws) {
        return daemon(ws).require(ws.name()).schedules();
    }

    private void list(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        ScheduleControl control = control(ws);
        String asset = Requests.param(ctx, "asset");
        Decision decision = decision(Requests.param(ctx, "decision"));
        int limit = Requests.intParam(ctx, "limit", 5, 1, 50);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workspace", ws.name());
        out.put("node", daemon(ws).node());
        out.put("items", control.schedules().stream().map(SchedulesApi::view).toList());
        out.put("automation", automation(ws, asset, decision, limit));
        ctx.json(out);
    }

    private List<Map<String, Object>> automation(HostedWorkspace ws, String filter, Decision decision, int limit) {
        AutomationStore store = JooqAutomationStore.on(ws.runtime().store());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Asset a : ws.workspace().graph().assets()) {
            String key = a.key().toString();
            if (a.automation() == null || filter != null && !key.toLowerCase(Locale.ROOT)
                .contains(filter.toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<Evaluation> evaluations = store.evaluations(a.key(), clock.instant(), limit);
            if (decision != null && (evaluations.isEmpty() || evaluations.getFirst().decision() != decision)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", key);
            m.put("mart", a.key().schema());
            m.put("policy", a.automation().describe());
            m.put("evaluations", evaluations.stream().map(SchedulesApi::view).toList());
            out.add(m);
        }
        return out;
    }

    private void change(Context ctx, boolean pause) {
        HostedWorkspace ws = workspaces.of(ctx);
        ScheduleControl control = control(ws);
        String name = ctx.pathParam("schedule");
        try {
            ctx.json(view(pause ? control.pause(name) : control.resume(name)));
        } catch (UnknownScheduleException e) {
            throw new ApiException(404, "SCHEDULE_NOT_FOUND", e.getMessage(), Map.of("schedule", name));
        }
    }

    private static Decision decision(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Decision.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", "Query parameter 'decision' must be REQUESTED or"
                + " SKIPPED, not '" + raw + "'.");
        }
    }

    private static Map<String, Object> view(ScheduleState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("cron", s.cron());
        m.put("timezone", s.timezone());
        m.put("selection", s.selection());
        m.put("partition", s.partition());
        m.put("priority", s.priority());
        m.put("paused", s.paused());
        m.put("nextTick", s.nextTick());
        m.put("lastTick", s.lastTick());
        return m;
    }

    private static Map<String, Object> view(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at());
        m.put("partition", e.target().partition());
        m.put("policy", e.policy());
        m.put("decision", e.decision().name());
        m.put("reason", e.reason());
        return m;
    }
}
