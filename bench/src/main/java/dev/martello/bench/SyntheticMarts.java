package dev.martello.bench;

import dev.martello.dsl.AssetBuilder;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartBuilder;
import dev.martello.dsl.MartDefinition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static dev.martello.dsl.SqlType.BIGINT;
import static dev.martello.dsl.SqlType.DATE;

/**
 * A synthetic workspace of N assets shaped like a dbt project: 20 sources, then per mart a staging layer reading
 * them, four intermediate layers and a reporting layer, each asset reading 1–5 inputs from lower layers (mostly of
 * its own mart). One integrated mart per {@value #ASSETS_PER_MART} assets; an asset another mart reads is exposed.
 * The layout is drawn once from a fixed seed; {@link #definitions()} declares it through the real DSL each time a
 * definition is called, so loading it measures defining, graph building and validation.
 *
 * <p>{@code GraphLoader.load(SyntheticMarts.generate(10_000).definitions())}
 */
public final class SyntheticMarts {
    public static final long SEED = 20_261_121L;
    public static final int ASSETS_PER_MART = 500;

    static final List<String> SOURCES = List.of(
        "raw_commerce.orders", "raw_commerce.order_items", "raw_commerce.payments", "raw_commerce.refunds",
        "raw_commerce.shipments", "raw_accounts.users", "raw_accounts.sellers", "raw_accounts.addresses",
        "raw_accounts.sessions", "raw_events.page_views", "raw_events.clicks", "raw_events.searches",
        "raw_events.app_opens", "raw_events.notifications", "raw_live.shows", "raw_live.show_viewers",
        "raw_live.bids", "raw_finance.fx_rates", "raw_finance.invoices", "raw_finance.payouts");
    private static final String[] LAYERS = {"stg", "int1", "int2", "int3", "int4", "fct"};
    private static final String[] TAGS = {"staging", "intermediate", "intermediate", "intermediate", "intermediate",
        "reporting"};
    private static final double[] LAYER_SHARE = {0.20, 0.20, 0.20, 0.15, 0.15, 0.10};
    private static final String[] TEAMS = {"team:analytics", "team:finance-data", "team:growth", "team:core-data",
        "team:platform", "team:marketing-analytics", "team:ops-data", "team:product-analytics"};
    private static final double SAME_MART = 0.85;
    private static final double PREVIOUS_LAYER = 0.6;

    private final int marts;
    private final int[] martStart;
    private final int[][] layerStart;
    private final int[] martOf;
    private final int[] layerOf;
    private final int[][] upstream;
    private final String[] names;
    private final String[] descriptions;
    private final String[] sql;
    private final boolean[] exposed;
    private final long edges;

    private SyntheticMarts(int assets, long seed) {
        marts = Math.max(1, assets / ASSETS_PER_MART);
        martStart = new int[marts + 1];
        layerStart = new int[marts][LAYERS.length + 1];
        martOf = new int[assets];
        layerOf = new int[assets];
        layOut(assets);
        SplittableRandom random = new SplittableRandom(seed);
        upstream = new int[assets][];
        int[][] sources = new int[assets][];
        for (int i = 0; i < assets; i++) {
            if (layerOf[i] == 0) {
                sources[i] = pickSources(random);
                upstream[i] = new int[0];
            } else {
                upstream[i] = pickUpstreams(i, random);
            }
        }
        exposed = new boolean[assets];
        long e = 0;
        for (int i = 0; i < assets; i++) {
            e += layerOf[i] == 0 ? sources[i].length : upstream[i].length;
            for (int u : upstream[i]) {
                exposed[u] |= martOf[u] != martOf[i];
            }
        }
        edges = e;
        names = new String[assets];
        descriptions = new String[assets];
        sql = new String[assets];
        name(sources);
    }

    /** The workspace of {@code assets} assets (at least 100) drawn from {@link #SEED}. */
    public static SyntheticMarts generate(int assets) {
        return generate(assets, SEED);
    }

    public static SyntheticMarts generate(int assets, long seed) {
        if (assets < 100) {
            throw new IllegalArgumentException("a synthetic workspace needs at least 100 assets, got " + assets);
        }
        return new SyntheticMarts(assets, seed);
    }

    /** One definition per mart; each call of {@code define()} declares the mart afresh through the DSL. */
    public List<MartDefinition> definitions() {
        List<MartDefinition> out = new ArrayList<>(marts);
        for (int m = 0; m < marts; m++) {
            int mart = m;
            out.add(() -> define(mart));
        }
        return out;
    }

    private Mart define(int m) {
        MartBuilder mart = Mart.integrated(martName(m))
            .owner(TEAMS[m % TEAMS.length])
            .describedAs("Synthetic integrated mart " + m + ": staging, intermediate and reporting models");
        if (m == 0) {
            for (String s : SOURCES) {
                mart.source(s, src -> src.loadedAt("_loaded_at").freshWithin(Duration.ofHours(24)));
            }
        }
        for (int i = martStart[m]; i < martStart[m + 1]; i++) {
            int asset = i;
            mart.asset(names[i], a -> declare(a, asset));
        }
        return mart.build();
    }

    private AssetBuilder.ComputeStep declare(AssetBuilder a, int i) {
        int layer = layerOf[i];
        a.describedAs(descriptions[i]).owner(TEAMS[(martOf[i] + layer) % TEAMS.length]).tag(TAGS[layer]);
        if (exposed[i]) {
            a.exposed();
        }
        if (layer == 0) {
            a.view();
        } else if (layer == LAYERS.length - 1) {
            a.freshWithin(Duration.ofHours(6))
                .column("id", BIGINT, c -> c.notNull())
                .column("event_date", DATE, c -> c.notNull());
        }
        return a.sql(sql[i]);
    }

    public int assetCount() {
        return martOf.length;
    }

    public int martCount() {
        return marts;
    }

    /** Dependency edges, asset to asset and asset to source. */
    public long edgeCount() {
        return edges;
    }

    public static String martName(int m) {
        return String.format("mart_%03d", m);
    }

    /** The last reporting asset of the last mart, whose upstream closure spans every layer. */
    public String deepAssetKey() {
        int last = martOf.length - 1;
        return martName(martOf[last]) + "/" + names[last];
    }

    /** A mart in the middle of the workspace, for {@code mart:<x> and tag:<t>}. */
    public String sampleMart() {
        return martName(marts / 2);
    }

    public String sampleTag() {
        return TAGS[1];
    }

    private void layOut(int assets) {
        int next = 0;
        for (int m = 0; m < marts; m++) {
            int size = assets / marts + (m < assets % marts ? 1 : 0);
            int[] counts = new int[LAYERS.length];
            int sum = 0;
            for (int l = 0; l < LAYERS.length; l++) {
                counts[l] = (int) (size * LAYER_SHARE[l]);
                sum += counts[l];
            }
            counts[0] += size - sum;
            martStart[m] = next;
            for (int l = 0; l < LAYERS.length; l++) {
                layerStart[m][l] = next;
                for (int k = 0; k < counts[l]; k++) {
                    martOf[next] = m;
                    layerOf[next++] = l;
                }
            }
            layerStart[m][LAYERS.length] = next;
        }
        martStart[marts] = next;
    }

    private static int[] pickSources(SplittableRandom random) {
        int first = random.nextInt(SOURCES.size());
        if (random.nextDouble() >= 0.25) {
            return new int[] {first};
        }
        return new int[] {first, (first + 1 + random.nextInt(SOURCES.size() - 1)) % SOURCES.size()};
    }

    /** 1–5 distinct inputs from lower layers; the first from the layer below in the same mart, which names it. */
    private int[] pickUpstreams(int i, SplittableRandom random) {
        int m = martOf[i];
        int layer = layerOf[i];
        int fanIn = 1 + random.nextInt(5);
        int[] ups = new int[fanIn];
        int count = 0;
        for (int attempt = 0; count < fanIn && attempt < 4 * fanIn; attempt++) {
            boolean first = count == 0;
            boolean sameMart = first || marts == 1 || random.nextDouble() < SAME_MART;
            int um = sameMart ? m : (m + 1 + random.nextInt(marts - 1)) % marts;
            int ul = first || random.nextDouble() < PREVIOUS_LAYER ? layer - 1 : random.nextInt(layer);
            int u = layerStart[um][ul] + random.nextInt(layerStart[um][ul + 1] - layerStart[um][ul]);
            boolean seen = false;
            for (int k = 0; k < count; k++) {
                seen |= ups[k] == u;
            }
            if (!seen) {
                ups[count++] = u;
            }
        }
        return count == fanIn ? ups : Arrays.copyOf(ups, count);
    }

    /** Names in layer order, so an asset is named after the domain of its first input, as in a dbt project. */
    private void name(int[][] sources) {
        String[] domain = new String[names.length];
        for (int layer = 0; layer < LAYERS.length; layer++) {
            for (int i = 0; i < names.length; i++) {
                if (layerOf[i] != layer) {
                    continue;
                }
                String d = layer == 0 ? table(SOURCES.get(sources[i][0])) : domain[upstream[i][0]];
                domain[i] = d;
                names[i] = LAYERS[layer] + "_" + d + "_" + String.format("%04d", i - martStart[martOf[i]]);
                descriptions[i] = "Synthetic " + TAGS[layer] + " model of " + d + " in " + martName(martOf[i]);
                sql[i] = layer == 0 ? SyntheticSql.staging(names[i], sourceKeys(sources[i])) : SyntheticSql.joined(
                    names[i], refs(i), layer == LAYERS.length - 1);
            }
        }
    }

    private static List<String> sourceKeys(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int s : ids) {
            out.add(SOURCES.get(s));
        }
        return out;
    }

    /** Same-mart inputs by bare name, as {@code ref('name')} resolves in its own mart; others as {@code mart/name}. */
    private List<String> refs(int i) {
        List<String> out = new ArrayList<>(upstream[i].length);
        for (int u : upstream[i]) {
            out.add(martOf[u] == martOf[i] ? names[u] : martName(martOf[u]) + "/" + names[u]);
        }
        return out;
    }

    private static String table(String source) {
        return source.substring(source.indexOf('.') + 1);
    }
}
