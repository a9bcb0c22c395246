package dev.martello.bench;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.graph.LoadedGraph;
import dev.martello.core.graph.GraphLoader;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Compute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticDagTest {

    @Test
    void chainIsOneLineOfTablesEachReadingThePreviousOne() {
        AssetGraph g = load(new SyntheticDag(SyntheticDag.Shape.CHAIN, 1000));
        assertThat(g.assets()).hasSize(1000);
        assertThat(upstreams(g, "t0000")).isEmpty();
        for (int i = 1; i < 1000; i++) {
            assertThat(upstreams(g, SyntheticDag.name(i))).containsExactly("dag/" + SyntheticDag.name(i - 1));
            assertThat(g.downstream(node(g, SyntheticDag.name(i - 1)))).hasSize(1);
        }
        assertThat(g.downstream(node(g, "t0999"))).isEmpty();
    }

    @Test
    void wideIsOneRootThatEveryOtherAssetReads() {
        AssetGraph g = load(new SyntheticDag(SyntheticDag.Shape.WIDE, 1000));
        assertThat(g.assets()).hasSize(1000);
        assertThat(g.downstream(node(g, "t0000"))).hasSize(999);
        for (int i = 1; i < 1000; i++) {
            assertThat(upstreams(g, SyntheticDag.name(i))).containsExactly("dag/t0000");
            assertThat(g.downstream(node(g, SyntheticDag.name(i)))).isEmpty();
        }
    }

    @Test
    void everyAssetIsATableWhoseSqlReadsItsParent() {
        SyntheticDag dag = new SyntheticDag(SyntheticDag.Shape.CHAIN, 3);
        AssetGraph g = load(dag);
        assertThat(g.asset(AssetKey.parse("dag/t0002")).orElseThrow().materialization().name()).isEqualTo("TABLE");
        assertThat(((Compute.Sql) g.asset(AssetKey.parse("dag/t0002")).orElseThrow().compute()).template().text())
            .isEqualTo("select id, depth + 1 as depth from {{ ref('t0001') }}");
    }

    @Test
    void rejectsAShapeItDoesNotKnowByName() {
        assertThatThrownBy(() -> SyntheticDag.Shape.parse("star"))
            .hasMessage("Unknown DAG shape 'star': use chain or wide.");
    }

    private static AssetGraph load(SyntheticDag dag) {
        LoadedGraph loaded = GraphLoader.load(dag.definitions());
        assertThat(loaded.problems()).isEmpty();
        return loaded.graph();
    }

    private static int node(AssetGraph g, String name) {
        return g.indexOf(AssetKey.parse("dag/" + name));
    }

    private static java.util.List<String> upstreams(AssetGraph g, String name) {
        int[] ups = g.upstream(node(g, name));
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int u : ups) {
            out.add(g.key(u).toString());
        }
        return out;
    }
}
