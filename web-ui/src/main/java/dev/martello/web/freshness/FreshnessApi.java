package dev.martello.web.freshness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.core.freshness.FreshnessStatus;
import dev.martello.core.freshness.SloReport;
import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.Workspaces;
import dev.martello.web.api.Route;
import dev.martello.web.assets.AssetState;
import dev.martello.web.assets.StateSnapshot;
import dev.martello.web.auth.Role;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The freshness overview, from core's evaluation and SLO report: per mart and per owner the assets with a policy,
 * their count per status and the SLO figures (share of tracked time in PASS over 7 and 28 days, time-weighted over
 * the group, as {@code martello freshness --by} prints them); and what is late now, since when, with its late
 * partitions — FAIL before WARN, longest late first.
 */
public final class FreshnessApi {
    private final Workspaces workspaces;
    private final ObjectMapper json;

    public FreshnessApi(Workspaces workspaces, ObjectMapper json) {
        this.workspaces = workspaces;
        this.json = json;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/workspaces/{ws}/freshness", Role.VIEWER, "freshness",
            "Show freshness by mart and by owner", List.of(), this::overview));
    }

    /** One group's figures: assets with a policy, their count per status, SLO over 7 and 28 days (null: no data). */
    public record Group(String name, int assets, Map<FreshnessStatus, Integer> counts, Double slo7d, Double slo28d) {
    }

    /** A late partition of a late asset. */
    public record LatePartition(String partition, FreshnessStatus state, Instant lateSince, String reason) {
    }

    public record Late(String key, String mart, List<String> owners, FreshnessStatus state, Instant lateSince,
                       String reason, Double slo7d, Double slo28d, List<LatePartition> partitions) {
    }

    private void overview(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        StateSnapshot s = ws.snapshot();
        byte[] body = s.body("freshness", () -> {
            try {
                return json.writeValueAsBytes(overview(ws, s));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("freshness overview not serialisable", e);
            }
        });
        ctx.contentType("application/json").result(body);
    }

    static Map<String, Object> overview(HostedWorkspace ws, StateSnapshot s) {
        AssetGraph graph = s.runtime().workspace().graph();
        Map<String, Map<FreshnessStatus, Integer>> byMart = new TreeMap<>();
        Map<String, Map<FreshnessStatus, Integer>> byOwner = new TreeMap<>();
        List<Late> late = new ArrayList<>();
        for (Asset a : graph.assets()) {
            if (a.freshness() == null) {
                continue;
            }
            AssetState st = s.states().get(a.key().toString());
            FreshnessStatus status = st.freshness().state();
            List<String> owners = a.owners().stream().map(Object::toString).toList();
            count(byMart, a.key().mart(), status);
            owners.forEach(o -> count(byOwner, o, status));
            if (st.freshness().late()) {
                SloReport.AssetFigures f = s.slo(a.key());
                List<LatePartition> partitions = st.partitions().entrySet().stream()
                    .filter(e -> e.getValue().late())
                    .map(e -> new LatePartition(e.getKey(), e.getValue().state(), e.getValue().lateSince(),
                        e.getValue().reason())).toList();
                late.add(new Late(a.key().toString(), a.key().mart(), owners, status, st.freshness().lateSince(),
                    st.freshness().reason(), f == null ? null : f.week().ratio(), f == null ? null : f.month().ratio(),
                    partitions));
            }
        }
        late.sort(Comparator.comparing((Late l) -> l.state() == FreshnessStatus.FAIL ? 0 : 1)
            .thenComparing(l -> l.lateSince() == null ? Instant.MIN : l.lateSince()).thenComparing(Late::key));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("evaluatedAt", s.at());
        out.put("evaluatedBy", ws.freshnessSource().name().toLowerCase(java.util.Locale.ROOT));
        out.put("byMart", groups(byMart, s.slo() == null ? Map.of() : s.slo().byMart()));
        out.put("byOwner", groups(byOwner, s.slo() == null ? Map.of() : s.slo().byOwner()));
        out.put("late", late);
        return out;
    }

    private static void count(Map<String, Map<FreshnessStatus, Integer>> groups, String group, FreshnessStatus status) {
        groups.computeIfAbsent(group, g -> {
            Map<FreshnessStatus, Integer> m = new EnumMap<>(FreshnessStatus.class);
            for (FreshnessStatus x : FreshnessStatus.values()) {
                m.put(x, 0);
            }
            return m;
        }).merge(status, 1, Integer::sum);
    }

    private static List<Group> groups(Map<String, Map<FreshnessStatus, Integer>> counts,
                                      Map<String, SloReport.Figures> figures) {
        return counts.entrySet().stream().map(e -> {
            SloReport.Figures f = figures.get(e.getKey());
            int assets = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            return new Group(e.getKey(), assets, e.getValue(), f == null ? null : f.week().ratio(),
                f == null ? null : f.month().ratio());
        }).toList();
    }
}
