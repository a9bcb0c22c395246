package dev.martello.web.assets;

import dev.martello.core.execution.AssetStatus;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.planning.PartitionKeys;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Compute;
import dev.martello.dsl.Partitions;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.Workspaces;
import dev.martello.web.api.ApiException;
import dev.martello.web.api.Requests;
import dev.martello.web.api.Route;
import dev.martello.web.auth.Role;
import dev.martello.core.selection.Selections;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.martello.web.api.Route.param;

/** The catalog and asset detail routes: list with filters, one asset, its history, checks and partitions. */
public final class AssetsApi {
    private static final String BASE = "/api/workspaces/{ws}/assets";
    private static final int PARTITIONS_SHOWN = 90;

    private final Workspaces workspaces;
    private final Clock clock;

    public AssetsApi(Workspaces workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
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

    private void list(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        AssetGraph graph = ws.workspace().graph();
        String select = Requests.param(ctx, "select");
        BitSet nodes = select == null ? graph.all() : Selections.select(graph, select);
        CatalogQuery query = new CatalogQuery(Requests.param(ctx, "q"), Requests.param(ctx, "mart"),
            Requests.param(ctx, "owner"), Requests.param(ctx, "kind"), Requests.param(ctx, "tag"),
            Requests.param(ctx, "freshness"));
        int limit = Requests.intParam(ctx, "limit", 500, 1, 10_000);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Map<String, AssetState> states = ws.states().all(ws.runtime());
        List<AssetSummary> matching = new ArrayList<>();
        for (int n = nodes.nextSetBit(0); n >= 0; n = nodes.nextSetBit(n + 1)) {
            AssetSummary s = AssetViews.summary(graph, n, states);
            if (query.matches(s)) {
                matching.add(s);
            }
        }
        matching.sort(java.util.Comparator.comparing(AssetSummary::key));
        List<AssetSummary> page = matching.subList(Math.min(offset, matching.size()),
            Math.min(matching.size(), offset + limit));
        ctx.json(Map.of("total", matching.size(), "items", page));
    }

    private void detail(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        AssetGraph graph = ws.workspace().graph();
        Asset a = asset(ctx, ws);
        int node = graph.indexOf(a.key());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", AssetViews.summary(graph, node, ws.states().all(ws.runtime())));
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
        ctx.json(out);
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
        Map<String, AssetStatus> known = new LinkedHashMap<>();
        for (AssetStatus s : ws.runtime().status(a.key().toString())) {
            known.put(s.partition(), s);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String key : recentKeys(a.partitions())) {
            AssetStatus s = known.get(key);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("key", key);
            p.put("status", s == null || s.latest() == null ? "MISSING" : s.staleness().describe().startsWith("STALE")
                ? "STALE" : "MATERIALIZED");
            p.put("materializedAt", s == null ? null : s.materializedAt().orElse(null));
            p.put("rows", s == null || s.latest() == null ? null : s.latest().rowCount());
            out.add(p);
        }
        ctx.json(Map.of("partitioned", true, "definition", a.partitions().describe(), "partitions", out));
    }

    /** The newest {@value #PARTITIONS_SHOWN} partition keys up to the latest complete one. */
    private List<String> recentKeys(Partitions partitions) {
        if (partitions instanceof Partitions.Static s) {
            return s.keys();
        }
        Partitions.Time t = (Partitions.Time) partitions;
        String latest = PartitionKeys.latestComplete(partitions, clock.instant());
        List<String> all = PartitionKeys.range(partitions, PartitionKeys.expand(partitions,
            t.start().toString()).getFirst(), latest);
        return all.subList(Math.max(0, all.size() - PARTITIONS_SHOWN), all.size());
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
