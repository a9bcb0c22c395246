package dev.martello.core.selection;

import dev.martello.core.graph.AssetGraph;

import java.util.BitSet;

/** Breadth-first walks over the graph's int arrays, one level at a time so a depth limit is exact. */
final class GraphWalk {
    private GraphWalk() {
    }

    /**
     * The seed plus every node within {@code depth} edges of it, upstream or downstream. Each node is queued at
     * most once, so the walk is linear in nodes plus edges whatever the depth.
     */
    static BitSet reach(AssetGraph graph, BitSet seed, int depth, boolean upstream) {
        BitSet seen = (BitSet) seed.clone();
        int[] queue = new int[graph.size()];
        int tail = 0;
        for (int i = seed.nextSetBit(0); i >= 0; i = seed.nextSetBit(i + 1)) {
            queue[tail++] = i;
        }
        int head = 0;
        for (int level = 0; level < depth && head < tail; level++) {
            int levelEnd = tail;
            while (head < levelEnd) {
                int node = queue[head++];
                for (int next : upstream ? graph.upstream(node) : graph.downstream(node)) {
                    if (!seen.get(next)) {
                        seen.set(next);
                        queue[tail++] = next;
                    }
                }
            }
        }
        return seen;
    }
}
