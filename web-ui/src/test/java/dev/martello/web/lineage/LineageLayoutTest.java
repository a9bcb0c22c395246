package dev.martello.web.lineage;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Mart;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LineageLayoutTest {
    private static AssetGraph graph() {
        Mart app = Mart.application("commerce").owner("team:commerce").producer("raw")
            .source("raw.orders", s -> { })
            .asset("orders", a -> a.exposed().sql("select * from {{ source('raw.orders') }}"))
            .build();
        var core = Mart.integrated("core").owner("team:core");
        for (int i = 0; i < 60; i++) {
            int n = i;
            core.asset("leaf_" + n, a -> a.sql("select * from {{ ref('commerce/orders') }} where " + n + " = " + n));
        }
        core.asset("report", a -> a.sql("select * from {{ ref('leaf_1') }} join {{ ref('leaf_2') }} on true"));
        return AssetGraph.of(List.of(app, core.build()));
    }

    @Test
    void placesEveryNodeRightOfItsUpstreamsInsideItsMartZoneWithoutOverlap() {
        AssetGraph g = graph();
        LineageView v = LineageLayout.layout(g, g.all(), "*");
        assertThat(v.nodes()).hasSize(g.size());
        Map<String, LineageView.Node> byKey = v.nodes().stream()
            .collect(Collectors.toMap(LineageView.Node::key, n -> n));
        for (int i = 0; i < v.edges().length; i += 2) {
            assertThat(v.nodes().get(v.edges()[i]).x()).isLessThan(v.nodes().get(v.edges()[i + 1]).x());
        }
        assertThat(v.zones()).extracting(LineageView.Zone::mart).containsExactly("commerce", "core");
        for (LineageView.Node n : v.nodes()) {
            LineageView.Zone z = v.zones().stream().filter(zz -> zz.mart().equals(n.mart())).findFirst().orElseThrow();
            assertThat(n.y()).isBetween(z.y(), z.y() + z.height() - LineageLayout.NODE_H);
        }
        Set<String> cells = new HashSet<>();
        v.nodes().forEach(n -> assertThat(cells.add(n.x() + "," + n.y())).as(n.key()).isTrue());
        // 60 leaves in one column wrap into sub-columns of at most MAX_ROWS
        assertThat(v.nodes().stream().filter(n -> n.key().startsWith("core/leaf_")).map(LineageView.Node::x)
            .distinct().count()).isEqualTo(3);
        assertThat(byKey.get("core/report").x()).isGreaterThan(byKey.get("core/leaf_59").x());
        assertThat(byKey.get("raw.orders").kind()).isEqualTo("source");
    }
}
