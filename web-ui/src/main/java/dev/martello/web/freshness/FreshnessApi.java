package dev.martello.web.freshness;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Owner;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.Workspaces;
import dev.martello.web.api.Route;
import dev.martello.web.assets.AssetState;
import dev.martello.web.auth.Role;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The freshness overview: counts per state by mart and by owner, the SLO figures (share of time in PASS over 7 and
 * 28 days) averaged over each group's assets with a policy, and the list of late assets, longest late first.
 */
public final class FreshnessApi {
    private final Workspaces workspaces;
    private final SloCalculator slo;
    private final Clock clock;

    public FreshnessApi(Workspaces workspaces, FreshnessEvaluator evaluator, Clock clock) {
        this.workspaces = workspaces;
        this.slo = new SloCalculator(evaluator);
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/workspaces/{ws}/freshness", Role.VIEWER, "freshness",
            "Show freshness by mart and by owner", List.of(), this::overview));
    }

    /** One group's figures. */
    public record Group(String name, Map<FreshnessState, Integer> counts, Double slo7d, Double slo28d) {
    }

    public record Late(String key, String mart, List<String> owners, FreshnessState state, Instant lateSince,
                       String reason) {
    }

    private void overview(Context ctx) {
        HostedWorkspace ws = workspaces.of(ctx);
        AssetGraph graph = ws.workspace().graph();
        Map<String, AssetState> states = ws.states().all(ws.runtime());
        Map<String, List<Instant>> history = ws.history().instants();
        Instant now = clock.instant();
        Map<String, Acc> byMart = new TreeMap<>();
        Map<String, Acc> byOwner = new TreeMap<>();
        List<Late> late = new ArrayList<>();
        for (Asset a : graph.assets()) {
            String key = a.key().toString();
            AssetState st = states.get(key);
            List<Owner> owners = a.owners().isEmpty() ? graph.martOf(graph.indexOf(a.key())).owners() : a.owners();
            List<Instant> times = history.getOrDefault(key, List.of());
            Double s7 = slo.passShare(a.freshness(), times, now, Duration.ofDays(7));
            Double s28 = slo.passShare(a.freshness(), times, now, Duration.ofDays(28));
            FreshnessState state = st.freshness().state();
            byMart.computeIfAbsent(a.key().mart(), k -> new Acc()).add(state, s7, s28);
            for (Owner o : owners) {
                byOwner.computeIfAbsent(o.toString(), k -> new Acc()).add(state, s7, s28);
            }
            if (state == FreshnessState.FAIL || state == FreshnessState.WARN) {
                late.add(new Late(key, a.key().mart(), owners.stream().map(Owner::toString).toList(), state,
                    st.freshness().lateSince(), st.freshness().reason()));
            }
        }
        late.sort(Comparator.comparing((Late l) -> l.state() == FreshnessState.FAIL ? 0 : 1)
            .thenComparing(l -> l.lateSince() == null ? Instant.MIN : l.lateSince()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("evaluatedAt", now);
        out.put("byMart", groups(byMart));
        out.put("byOwner", groups(byOwner));
        out.put("late", late);
        ctx.json(out);
    }

    private static List<Group> groups(Map<String, Acc> accs) {
        return accs.entrySet().stream().map(e -> e.getValue().group(e.getKey())).toList();
    }

    private static final class Acc {
        final Map<FreshnessState, Integer> counts = new EnumMap<>(FreshnessState.class);
        double sum7;
        double sum28;
        int n7;
        int n28;

        Acc() {
            for (FreshnessState s : FreshnessState.values()) {
                counts.put(s, 0);
            }
        }

        void add(FreshnessState state, Double s7, Double s28) {
            counts.merge(state, 1, Integer::sum);
            if (s7 != null) {
                sum7 += s7;
                n7++;
            }
            if (s28 != null) {
                sum28 += s28;
                n28++;
            }
        }

        Group group(String name) {
            return new Group(name, counts, n7 == 0 ? null : sum7 / n7, n28 == 0 ? null : sum28 / n28);
        }
    }
}
