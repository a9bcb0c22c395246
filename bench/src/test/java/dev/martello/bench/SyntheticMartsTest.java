package dev.martello.bench;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.graph.GraphLoader;
import dev.martello.core.graph.LoadedGraph;
import dev.martello.core.selection.Selections;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Compute;
import dev.martello.dsl.Problem;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticMartsTest {

    @Test
    void tenThousandAssetsLoadWithoutProblems() {
        SyntheticMarts workspace = SyntheticMarts.generate(10_000);

        LoadedGraph loaded = GraphLoader.load(workspace.definitions());

        assertThat(loaded.problems()).extracting(Problem::render).isEmpty();
        assertThat(loaded.graph().marts()).hasSize(20);
        assertThat(loaded.graph().assets()).hasSize(10_000);
        assertThat(loaded.graph().size()).isEqualTo(10_000 + SyntheticMarts.SOURCES.size());
    }

    @Test
    void everyAssetReadsOneToFiveInputsThroughItsSql() {
        AssetGraph graph = GraphLoader.load(SyntheticMarts.generate(1_000).definitions()).graph();

        long edges = 0;
        for (Asset a : graph.assets()) {
            assertThat(a.upstreams()).hasSizeBetween(1, 5);
            assertThat(a.compute()).isInstanceOf(Compute.Sql.class);
            assertThat(a.tags()).hasSize(1);
            assertThat(a.owners()).hasSize(1);
            edges += a.upstreams().size();
        }
        assertThat(edges).isEqualTo(SyntheticMarts.generate(1_000).edgeCount());
    }

    @Test
    void exactlyTheAssetsOtherMartsReadAreExposed() {
        AssetGraph graph = GraphLoader.load(SyntheticMarts.generate(2_000).definitions()).graph();

        Set<Integer> readAcross = new HashSet<>();
        for (int i = 0; i < graph.size(); i++) {
            for (int u : graph.upstream(i)) {
                if (graph.isAsset(u) && graph.martOf(u) != graph.martOf(i)) {
                    readAcross.add(u);
                }
            }
        }
        assertThat(readAcross).isNotEmpty();
        for (int i = 0; i < graph.size(); i++) {
            if (graph.isAsset(i)) {
                assertThat(graph.asset(i).exposed()).as(graph.key(i).toString()).isEqualTo(readAcross.contains(i));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameWorkspace() {
        List<String> first = codeVersions(SyntheticMarts.generate(1_000));
        List<String> second = codeVersions(SyntheticMarts.generate(1_000));

        assertThat(first).hasSize(1_000).isEqualTo(second);
    }

    @Test
    void theBenchmarkSelectionsSelectSomething() {
        SyntheticMarts workspace = SyntheticMarts.generate(10_000);
        AssetGraph graph = GraphLoader.load(workspace.definitions()).graph();

        assertThat(Selections.select(graph, "+" + workspace.deepAssetKey()).cardinality()).isGreaterThan(50);
        assertThat(Selections.assetKeys(graph, "mart:" + workspace.sampleMart() + " and tag:" + workspace.sampleTag()))
            .hasSize(350)
            .allSatisfy(k -> assertThat(k.mart()).isEqualTo(workspace.sampleMart()));
    }

    private static List<String> codeVersions(SyntheticMarts workspace) {
        return GraphLoader.load(workspace.definitions()).graph().assets().stream().map(Asset::codeVersion).toList();
    }
}
