package dev.martello.web.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.selection.Selections;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.Workspaces;
import dev.martello.web.api.ApiException;
import dev.martello.web.api.Requests;
import dev.martello.web.api.Route;
import dev.martello.web.assets.AssetState;
import dev.martello.web.assets.StateSnapshot;
import dev.martello.web.auth.Role;
import io.javalin.http.Context;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.martello.web.api.Route.param;

/**
 * The lineage routes: the laid-out graph of a selection (or of N levels around one asset), cached per selection, and
 * the small status overlay the page colours it with.
 */
public final class LineageApi {
    private final Workspaces workspaces;
    private final ObjectMapper json;

    public LineageApi(Workspaces workspaces, ObjectMapper json) {
        this.workspaces = workspaces;
        this.json = json;
    }

    public List<Route> routes() {
        return List.of(
            Route.get("/api/workspaces/{ws}/lineage", Role.VIEWER, "lineage", "Show the lineage of a selection",
                List.of(param("select", "string", "selection syntax (default: everything)"),
                    param("focus", "string", "an asset or source key to centre on, instead of select"),
                    param("up", "integer", "levels upstream of focus (0-50, default 2)"),
                    param("down", "integer", "levels downstream of focus (0-50, default 2)")), this::lineage),
            Route.get("/api/workspaces/{ws}/lineage/status", Role.VIEWER, "lineage",
                "Show the freshness and staleness of every asset", List.of(), this::status));
    }

    private void lineage(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        String selection = selection(ctx, ws.workspace().graph());
        byte[] body = ws.lineage().get(selection, () -> layout(ws.workspace().graph(), selection));
        ctx.contentType("application/json").result(body);
    }

    /** The selection to lay out: {@code select}, or {@code +<up>key+<down>} around {@code focus}. */
    static String selection(Context ctx, AssetGraph graph) {
        String focus = Requests.param(ctx, "focus");
        String select = Requests.param(ctx, "select");
        if (focus == null) {
            return select == null ? "*" : select;
        }
        if (select != null) {
            throw ApiException.badRequest("INVALID_PARAMETER", "Give either 'select' or 'focus', not both.");
        }
        if (!focus.matches("[A-Za-z0-9_]+[/.][A-Za-z0-9_]+")) {
            throw new ApiException(400, "INVALID_KEY", "'focus' must be an asset key like 'core/gmv_daily' or a"
                + " source like 'raw_commerce.orders', not '" + focus + "'.", Map.of("focus", focus));
        }
        int up = Requests.intParam(ctx, "up", 2, 0, 50);
        int down = Requests.intParam(ctx, "down", 2, 0, 50);
        // validates the key (404-like 400 with a did-you-mean) before building the expression
        Selections.select(graph, focus);
        String upstream = up == 0 ? focus : "+" + up + focus;
        String downstream = down == 0 ? focus : focus + "+" + down;
        return upstream.equals(downstream) ? focus : upstream + " or " + downstream;
    }

    private byte[] layout(AssetGraph graph, String selection) {
        BitSet nodes = Selections.select(graph, selection);
        try {
            return json.writeValueAsBytes(LineageLayout.layout(graph, nodes, selection));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lineage view not serialisable", e);
        }
    }

    private void status(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        StateSnapshot snapshot = ws.snapshot();
        byte[] body = snapshot.body("lineage/status", () -> {
            Map<String, AssetState> states = snapshot.states();
            Map<String, Object[]> out = HashMap.newHashMap(states.size());
            states.forEach((k, s) -> out.put(k, new Object[]{s.freshness().state().name(), s.staleness(),
                s.lastMaterializedAt() == null ? null : s.lastMaterializedAt().toEpochMilli()}));
            try {
                return json.writeValueAsBytes(out);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("lineage status not serialisable", e);
            }
        });
        ctx.contentType("application/json").result(body);
    }

}
