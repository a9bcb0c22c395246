package dev.martello.core.freshness;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Owner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Freshness SLO figures: the share of time in PASS over the last 7 and 28 days per asset with a policy, and summed
 * (time-weighted) per mart and per owner; an asset counts for each of its owners, which it inherits from its mart
 * unless it names its own.
 */
public record SloReport(List<AssetFigures> assets, Map<String, Figures> byMart, Map<String, Figures> byOwner) {
    public static final Duration WEEK = Duration.ofDays(7);
    public static final Duration MONTH = Duration.ofDays(28);

    public SloReport {
        assets = List.copyOf(assets);
        byMart = Map.copyOf(byMart);
        byOwner = Map.copyOf(byOwner);
    }

    /** One asset's figures. */
    public record AssetFigures(AssetKey asset, String mart, List<String> owners, String policy, Share week,
                               Share month) {
    }

    /** The figures of a group of assets. */
    public record Figures(int assets, Share week, Share month) {
        Figures plus(Share w, Share m) {
            return new Figures(assets + 1, week.plus(w), month.plus(m));
        }
    }

    /** Computes the report at {@code now} from the stored transitions (two window queries, not one per asset). */
    public static SloReport of(AssetGraph graph, FreshnessStore store, Instant now) {
        Map<AssetKey, List<FreshnessTransition>> month = bySeries(store.assetHistory(now.minus(MONTH), now));
        Map<AssetKey, List<FreshnessTransition>> week = bySeries(store.assetHistory(now.minus(WEEK), now));
        List<AssetFigures> assets = new ArrayList<>();
        Map<String, Figures> byMart = new TreeMap<>();
        Map<String, Figures> byOwner = new TreeMap<>();
        Figures none = new Figures(0, Share.NONE, Share.NONE);
        for (int n = 0; n < graph.size(); n++) {
            Asset a = graph.asset(n);
            if (a == null || a.freshness() == null) {
                continue;
            }
            Share w = SloCalculator.share(week.getOrDefault(a.key(), List.of()), now.minus(WEEK), now);
            Share m = SloCalculator.share(month.getOrDefault(a.key(), List.of()), now.minus(MONTH), now);
            List<String> owners = a.owners().stream().map(Owner::toString).toList();
            String mart = graph.martOf(n).name();
            assets.add(new AssetFigures(a.key(), mart, owners, a.freshness().describe(), w, m));
            byMart.merge(mart, none.plus(w, m), SloReport::sum);
            for (String o : owners) {
                byOwner.merge(o, none.plus(w, m), SloReport::sum);
            }
        }
        return new SloReport(assets, byMart, byOwner);
    }

    private static Figures sum(Figures a, Figures b) {
        return new Figures(a.assets() + b.assets(), a.week().plus(b.week()), a.month().plus(b.month()));
    }

    private static Map<AssetKey, List<FreshnessTransition>> bySeries(List<FreshnessTransition> history) {
        Map<AssetKey, List<FreshnessTransition>> out = new HashMap<>();
        for (FreshnessTransition t : history) {
            out.computeIfAbsent(t.target().asset(), k -> new ArrayList<>()).add(t);
        }
        return out;
    }
}
