package dev.martello.core.selection;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartBuilder;

import java.util.ArrayList;
import java.util.List;

/** Graphs built with the real DSL for the selection tests. */
final class TestGraphs {
    private TestGraphs() {
    }

    /**
     * Nodes in id order, with what each reads:
     * <pre>
     * 0 raw_commerce.orders     (source)                   application mart commerce, team:commerce-data
     * 1 raw_commerce.payments   (source)
     * 2 commerce/orders         ← 0                        table, tier=1
     * 3 commerce/payments       ← 1                        view, pii
     * 4 core/gmv_daily          ← 2, 3                     incremental, tier=1   integrated mart core,
     * 5 core/customers          ← 2                        table, tier=2         team:core-data, ana@example.com
     * 6 core/revenue            ← 4                        view                  (customers: Bob@Example.com)
     * 7 growth/experiment       ← 6                        table, pii            project mart growth, team:growth
     * </pre>
     */
    static AssetGraph shop() {
        Mart commerce = Mart.application("commerce")
            .owner("team:commerce-data")
            .producer("raw_commerce")
            .source("raw_commerce.orders")
            .source("raw_commerce.payments")
            .asset("orders", a -> a.exposed().tag("tier", "1")
                .sql("select * from {{ source('raw_commerce.orders') }}"))
            .asset("payments", a -> a.exposed().tag("pii").view()
                .sql("select * from {{ source('raw_commerce.payments') }}"))
            .build();
        Mart core = Mart.integrated("core")
            .owner("team:core-data", "ana@example.com")
            .asset("gmv_daily", a -> a.exposed().tag("tier", "1").partitionedDaily("2024-01-01", "UTC")
                .incremental("day")
                .sql("select * from {{ ref('commerce/orders') }} join {{ ref('commerce/payments') }} using (id)"))
            .asset("customers", a -> a.owner("Bob@Example.com").tag("tier", "2")
                .sql("select * from {{ ref('commerce/orders') }}"))
            .asset("revenue", a -> a.exposed().view().sql("select * from {{ ref('core/gmv_daily') }}"))
            .build();
        Mart growth = Mart.project("growth")
            .owner("team:growth")
            .asset("experiment", a -> a.tag("pii").sql("select * from {{ ref('core/revenue') }}"))
            .build();
        return AssetGraph.of(List.of(commerce, core, growth));
    }

    /**
     * A source, {@code layers} layers of {@code width} assets, and {@code big/sink} reading the last layer. Each
     * asset reads the assets of the layer before with the same and the next index (wrapping), so paths cross and
     * every node is upstream of the sink.
     */
    static AssetGraph layered(int layers, int width) {
        MartBuilder mart = Mart.integrated("big").owner("team:big").source("raw.events");
        for (int l = 0; l < layers; l++) {
            for (int w = 0; w < width; w++) {
                String sql = l == 0 ? "select * from {{ source('raw.events') }}"
                    : "select * from {{ ref('" + name(l - 1, w) + "') }} union all select * from {{ ref('"
                    + name(l - 1, (w + 1) % width) + "') }}";
                mart.asset(name(l, w), a -> a.sql(sql));
            }
        }
        StringBuilder sink = new StringBuilder("select 1");
        for (int w = 0; w < width; w++) {
            sink.append(" union all select * from {{ ref('").append(name(layers - 1, w)).append("') }}");
        }
        mart.asset("sink", a -> a.sql(sink.toString()));
        return AssetGraph.of(List.of(mart.build()));
    }

    /** One source and a chain of {@code length} assets, each reading the one before. */
    static AssetGraph chain(int length) {
        MartBuilder mart = Mart.integrated("chain").owner("team:chain").source("raw.start");
        mart.asset("a0", a -> a.sql("select * from {{ source('raw.start') }}"));
        for (int i = 1; i < length; i++) {
            String sql = "select * from {{ ref('a" + (i - 1) + "') }}";
            mart.asset("a" + i, a -> a.sql(sql));
        }
        return AssetGraph.of(List.of(mart.build()));
    }

    static String name(int layer, int index) {
        return "l" + layer + "_" + index;
    }

    /** The keys of the nodes, as text, in node order. */
    static List<String> keys(AssetGraph graph, java.util.BitSet nodes) {
        List<String> out = new ArrayList<>();
        nodes.stream().forEach(i -> out.add(graph.key(i).toString()));
        return out;
    }
}
