package dev.martello.web.assets;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Compute;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.Workspaces;
import dev.martello.web.api.ApiException;
import dev.martello.web.api.Requests;
import dev.martello.web.api.Route;
import dev.martello.web.auth.Role;
import dev.martello.core.selection.Selections;
import io.javalin.http.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.core.freshness.SloReport;
import dev.martello.web.freshness.FreshnessView;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.martello.web.api.Route.param;

/** The catalog and asset detail routes: list with filters, one asset, its history, checks and partitions. */
public final class AssetsApi {
    private static final String BASE = "/api/workspaces/{ws}/assets";

    private final Workspaces workspaces;
    private final ObjectMapper json;

    public AssetsApi(Workspaces workspaces, ObjectMapper json) {
        this.workspaces = workspaces;
        this.json = json;
    }

    public List<Route> routes() {
        return List.of(
            Route.get(BASE, Role.VIEWER, "assets", "List assets and sources", List.of(
                param("select", "string", "selection syntax, e.g. '+core/gmv_daily' or 'mart:commerce and tag:pii'"),
                param("q", "string", "text in the key or description"), param("mart", "string", "mart name"),
                param("owner", "string", "part of an owner"), param("kind", "string", "table, view, incremental, source"),
                param("tag", "string", "tag key or key=value"), param("freshness", "string", "PASS, WARN, FAIL, UNKNOWN"),
                param("limit", "integer", "rows returned (1-10000, default 500)"),
                param("offset", "integer", "rows skipped")), this::list),
            Route.get(BASE + "/{mart}/{name}", Role.VIEWER, "assets", "Show an asset", List.of(), this::detail),
            Route.get(BASE + "/{mart}/{name}/materializations", Role.VIEWER, "assets",
                "List an asset's materializations", List.of(param("limit", "integer", "newest N (default 100)")),
                this::materializations),
            Route.get(BASE + "/{mart}/{name}/checks", Role.VIEWER, "assets", "List an asset's check results",
                List.of(param("limit", "integer", "newest N (default 100)")), this::checks),
            Route.get(BASE + "/{mart}/{name}/partitions", Role.VIEWER, "assets", "Show an asset's partition status",
                List.of(), this::partitions));
    }

    /**
     * Rows come from the snapshot's sorted catalog; the body of each distinct query is serialised once per snapshot.
     */
    private void list(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        StateSnapshot snapshot = ws.snapshot();
        String query = ctx.queryString();
        ctx.contentType("application/json").result(snapshot.body("assets?" + (query == null ? "" : query),
            () -> bytes(list(ctx, ws, snapshot))));
    }

    private static Map<String, Object> list(Context ctx, HostedWorkspace ws, StateSnapshot snapshot) {
        AssetGraph graph = snapshot.runtime().workspace().graph();
        String select = Requests.param(ctx, "select");
        BitSet nodes = select == null ? null : Selections.select(graph, select);
        CatalogQuery query = new CatalogQuery(Requests.param(ctx, "q"), Requests.param(ctx, "mart"),
            Requests.param(ctx, "owner"), Requests.param(ctx, "kind"), Requests.param(ctx, "tag"),
            Requests.param(ctx, "freshness"));
        int limit = Requests.intParam(ctx, "limit", 500, 1, 10_000);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int total = 0;
        List<AssetSummary> page = new ArrayList<>(Math.min(limit, 1024));
        for (StateSnapshot.CatalogRow row : snapshot.catalog()) {
            if ((nodes == null || nodes.get(row.node())) && query.matches(row.summary())) {
                if (total >= offset && page.size() < limit) {
                    page.add(row.summary());
                }
                total++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("items", page);
        return out;
    }

    private void detail(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        Asset a = asset(ctx, ws);
        StateSnapshot snapshot = ws.snapshot();
        ctx.contentType("application/json").result(snapshot.body("asset:" + a.key(),
            () -> bytes(detail(snapshot, a))));
    }

    private static Map<String, Object> detail(StateSnapshot snapshot, Asset a) {
        AssetGraph graph = snapshot.runtime().workspace().graph();
        int node = graph.indexOf(a.key());
        AssetState state = snapshot.states().get(a.key().toString());
        SloReport.AssetFigures slo = snapshot.slo(a.key());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", AssetViews.summary(graph, node, snapshot.states()));
        out.put("freshnessPartitions", state == null ? List.of() : state.partitions().entrySet().stream()
            .map(e -> partitionView(e.getKey(), e.getValue())).toList());
        out.put("slo", slo == null ? null : sloView(slo));
        out.put("martDescription", graph.martOf(node).description());
        out.put("sql", a.compute() instanceof Compute.Sql sql ? sql.template().text() : null);
        out.put("compute", a.compute() instanceof Compute.Sql sql ? "sql (" + sql.origin() + ")" : "java");
        out.put("columns", a.columns().stream().map(c -> Map.of("name", c.name(), "type", c.type().label(),
            "nullable", c.nullable(), "description", c.description() == null ? "" : c.description())).toList());
        out.put("upstream", keys(graph, graph.upstream(node)));
        out.put("downstream", keys(graph, graph.downstream(node)));
        out.put("checks", a.checks().stream().map(c -> Map.of("name", c.name(), "severity", c.severity().name(),
            "type", c.getClass().getSimpleName())).toList());
        out.put("partitions", a.partitions() == null ? null : a.partitions().describe());
        out.put("automation", a.automation() == null ? null : a.automation().describe());
        out.put("retries", a.retry() == null ? 0 : a.retry().maxRetries());
        out.put("timeout", a.timeout() == null ? null : a.timeout().toString());
        out.put("codeVersion", a.codeVersion());
        out.put("definedAt", a.location() == null ? null : a.location().toString());
        return out;
    }

    private static Map<String, Object> partitionView(String key, FreshnessView f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partition", key);
        m.put("state", f.state());
        m.put("since", f.since());
        m.put("lateSince", f.lateSince());
        m.put("reason", f.reason());
        return m;
    }

    /** Share of tracked time in PASS (null when nothing was tracked yet) and the time tracked, per window. */
    private static Map<String, Object> sloView(SloReport.AssetFigures slo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slo7d", slo.week().ratio());
        m.put("slo28d", slo.month().ratio());
        m.put("tracked7d", slo.week().tracked());
        m.put("tracked28d", slo.month().tracked());
        return m;
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private void materializations(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        Asset a = asset(ctx, ws);
        int limit = Requests.intParam(ctx, "limit", 100, 1, 10_000);
        var all = ws.history().materializations(a.key().toString());
        ctx.json(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    private void checks(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        Asset a = asset(ctx, ws);
        int limit = Requests.intParam(ctx, "limit", 100, 1, 10_000);
        var all = ws.history().checks(a.key().toString());
        ctx.json(all.subList(0, Math.min(limit, all.size())));
    }

    private void partitions(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        Asset a = asset(ctx, ws);
        if (!a.isPartitioned()) {
            ctx.json(Map.of("partitioned", false, "partitions", List.of()));
            return;
        }
        ctx.json(PartitionGrid.of(a, ws.runtime().status(a.key().toString()), ws.snapshot()));
    }

    private static List<String> keys(AssetGraph graph, int[] nodes) {
        return java.util.Arrays.stream(nodes).mapToObj(n -> graph.key(n).toString()).sorted().toList();
    }

    static Asset asset(Context ctx, HostedWorkspace ws) {
        String text = ctx.pathParam("mart") + "/" + ctx.pathParam("name");
        AssetKey key;
        try {
            key = AssetKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_KEY", "'" + text + "' is not an asset key: " + e.getMessage(),
                Map.of("key", text));
        }
        return ws.workspace().graph().asset(key).orElseThrow(() -> {
            var hint = dev.martello.core.graph.Suggestions.closest(text, ws.workspace().graph().assets().stream()
                .map(x -> x.key().toString()).toList());
            throw new ApiException(404, "ASSET_NOT_FOUND", "Workspace '" + ws.name() + "' has no asset '" + text
                + "'." + hint.map(h -> " Did you mean '" + h + "'?").orElse(""), Map.of("key", text));
        });
    }

}
