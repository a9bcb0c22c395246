package dev.martello.web.lineage;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lays a selection out left to right in mart zones, in linear time plus sorting: each node's column is its longest
 * path from the selection's roots; each mart is a horizontal band; inside a band a column's nodes are ordered by the
 * mean height of their upstream nodes (one barycenter sweep from left to right), and a column taller than
 * {@value #MAX_ROWS} rows wraps into sub-columns so a 10,000-asset graph stays a compact grid. A generic layered
 * layout (ELK) minimises crossings better but takes seconds at this size; zones already remove most crossings.
 */
public final class LineageLayout {
    static final int NODE_W = 220;
    static final int NODE_H = 56;
    static final int GAP_X = 90;
    static final int GAP_Y = 18;
    static final int ZONE_PAD = 44;
    static final int MAX_ROWS = 24;

    private LineageLayout() {
    }

    public static LineageView layout(AssetGraph graph, BitSet selected, String selection) {
        int[] order = graph.topologicalOrder(selected);
        int[] rank = new int[graph.size()];
        int maxRank = 0;
        for (int n : order) {
            for (int u : graph.upstream(n)) {
                if (selected.get(u)) {
                    rank[n] = Math.max(rank[n], rank[u] + 1);
                }
            }
            maxRank = Math.max(maxRank, rank[n]);
        }
        // nodes on a cycle (an invalid graph) are not in the order: give them column 0 so they still show
        int[] nodes = selected.stream().toArray();

        List<Mart> zoneMarts = zonesOf(graph, nodes);
        // a Mart record's hashCode walks all its assets: index zones by identity, once per node
        Map<Mart, Integer> zoneIndex = new java.util.IdentityHashMap<>();
        for (int i = 0; i < zoneMarts.size(); i++) {
            zoneIndex.put(zoneMarts.get(i), i);
        }
        int[] zone = new int[graph.size()];
        for (int n : nodes) {
            zone[n] = zoneIndex.get(graph.martOf(n));
        }
        int zones = zoneMarts.size();
        int[][] count = new int[zones][maxRank + 1];
        for (int n : nodes) {
            count[zone[n]][rank[n]]++;
        }
        int[] rows = new int[zones];
        int[] subColumns = new int[maxRank + 1];
        for (int z = 0; z < zones; z++) {
            int most = Arrays.stream(count[z]).max().orElse(0);
            rows[z] = Math.min(MAX_ROWS, Math.max(1, most));
            for (int r = 0; r <= maxRank; r++) {
                subColumns[r] = Math.max(subColumns[r], Math.max(1, ceilDiv(count[z][r], rows[z])));
            }
        }
        int[] columnX = new int[maxRank + 2];
        for (int r = 0; r <= maxRank; r++) {
            columnX[r + 1] = columnX[r] + subColumns[r] * (NODE_W + GAP_X);
        }
        int[] zoneY = new int[zones + 1];
        for (int z = 0; z < zones; z++) {
            zoneY[z + 1] = zoneY[z] + ZONE_PAD + rows[z] * (NODE_H + GAP_Y) + GAP_Y;
        }

        // place column by column, so every upstream of a node already has its y
        List<List<Integer>> byColumn = new ArrayList<>();
        for (int r = 0; r <= maxRank; r++) {
            byColumn.add(new ArrayList<>());
        }
        for (int n : nodes) {
            byColumn.get(rank[n]).add(n);
        }
        int[] x = new int[graph.size()];
        int[] y = new int[graph.size()];
        double[] weight = new double[graph.size()];
        for (int r = 0; r <= maxRank; r++) {
            List<Integer> column = byColumn.get(r);
            for (int n : column) {
                weight[n] = barycenter(graph, selected, n, y);
            }
            column.sort(Comparator.<Integer>comparingInt(n -> zone[n])
                .thenComparingDouble(n -> weight[n]).thenComparing(n -> graph.key(n).toString()));
            int i = 0;
            int current = -1;
            for (int n : column) {
                int z = zone[n];
                if (z != current) {
                    current = z;
                    i = 0;
                }
                x[n] = columnX[r] + (i / rows[z]) * (NODE_W + GAP_X);
                y[n] = zoneY[z] + ZONE_PAD + (i % rows[z]) * (NODE_H + GAP_Y);
                i++;
            }
        }
        return view(graph, selected, selection, nodes, x, y, zoneMarts, zoneY, columnX[maxRank + 1]);
    }

    private static double barycenter(AssetGraph graph, BitSet selected, int n, int[] y) {
        double sum = 0;
        int k = 0;
        for (int u : graph.upstream(n)) {
            if (selected.get(u)) {
                sum += y[u];
                k++;
            }
        }
        return k == 0 ? Double.MAX_VALUE : sum / k;
    }

    /** Application marts first (they feed the others), then integrated, then project marts; by name within a kind. */
    private static List<Mart> zonesOf(AssetGraph graph, int[] nodes) {
        java.util.Set<Mart> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Mart> marts = new ArrayList<>();
        for (int n : nodes) {
            if (seen.add(graph.martOf(n))) {
                marts.add(graph.martOf(n));
            }
        }
        marts.sort(Comparator.comparingInt((Mart m) -> kindOrder(m.kind())).thenComparing(Mart::name));
        return marts;
    }

    private static int kindOrder(MartKind kind) {
        return switch (kind) {
            case APPLICATION -> 0;
            case INTEGRATED -> 1;
            case PROJECT -> 2;
        };
    }

    private static LineageView view(AssetGraph graph, BitSet selected, String selection, int[] nodes, int[] x,
                                    int[] y, List<Mart> zoneMarts, int[] zoneY, int width) {
        int[] position = new int[graph.size()];
        List<LineageView.Node> out = new ArrayList<>(nodes.length);
        int edgeCount = 0;
        for (int i = 0; i < nodes.length; i++) {
            int n = nodes[i];
            position[n] = i;
            Asset a = graph.asset(n);
            Mart m = graph.martOf(n);
            String kind = a == null ? "source" : a.materialization().label();
            String owner = a != null && !a.owners().isEmpty() ? a.owners().getFirst().toString()
                : m.owners().isEmpty() ? "" : m.owners().getFirst().toString();
            out.add(new LineageView.Node(graph.key(n).toString(), m.name(), a == null ? "source" : "asset", kind,
                owner, x[n], y[n]));
            for (int u : graph.upstream(n)) {
                if (selected.get(u)) {
                    edgeCount++;
                }
            }
        }
        int[] edges = new int[edgeCount * 2];
        int e = 0;
        for (int n : nodes) {
            for (int u : graph.upstream(n)) {
                if (selected.get(u)) {
                    edges[e++] = position[u];
                    edges[e++] = position[n];
                }
            }
        }
        Map<Mart, Integer> perMart = new java.util.IdentityHashMap<>();
        for (int n : nodes) {
            perMart.merge(graph.martOf(n), 1, Integer::sum);
        }
        List<LineageView.Zone> zones = new ArrayList<>();
        for (int z = 0; z < zoneMarts.size(); z++) {
            Mart m = zoneMarts.get(z);
            zones.add(new LineageView.Zone(m.name(), m.kind().name().toLowerCase(java.util.Locale.ROOT),
                m.owners().isEmpty() ? "" : m.owners().getFirst().toString(), zoneY[z], zoneY[z + 1] - zoneY[z],
                perMart.get(m)));
        }
        return new LineageView(selection, width, zoneY[zoneMarts.size()], NODE_W, NODE_H, out, edges, zones);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
