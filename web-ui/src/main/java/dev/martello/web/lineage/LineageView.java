package dev.martello.web.lineage;

import java.util.List;

/**
 * A laid-out lineage, as the lineage page draws it: nodes with their positions (world units, top-left corner),
 * edges as pairs of node indexes, and the mart zones as horizontal bands. Positions are computed on the server so
 * the browser only draws what is in view.
 */
public record LineageView(String selection, int width, int height, int nodeWidth, int nodeHeight,
                          List<Node> nodes, int[] edges, List<Zone> zones) {

    /**
     * @param type {@code asset} or {@code source}
     * @param kind {@code table}, {@code view}, {@code incremental} or {@code source}
     */
    public record Node(String key, String mart, String type, String kind, String owner, int x, int y) {
    }

    public record Zone(String mart, String kind, String owner, int y, int height, int nodes) {
    }
}
