package dev.martello.core.graph.rules;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The graph has no cycles. Finds strongly connected components with an iterative Tarjan (so a 100k-long chain
 * does not overflow the stack) and reports each cycle once, with its full path.
 */
public final class CycleRule implements GraphRule {

    @Override
    public void check(AssetGraph graph, List<Problem> out) {
        int n = graph.size();
        int[] index = new int[n];
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] component = new int[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                int[] ups = graph.upstream(v);
                if (callEdge[depth] < ups.length) {
                    int w = ups[callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    List<Integer> members = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        component[w] = components;
                        members.add(w);
                    } while (w != v);
                    if (members.size() > 1 || selfLoop(graph, v)) {
                        report(graph, members, component, components, out);
                    }
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
    }

    private static boolean selfLoop(AssetGraph graph, int v) {
        for (int u : graph.upstream(v)) {
            if (u == v) {
                return true;
            }
        }
        return false;
    }

    /** Reports the shortest cycle through the component's first key (by name), following "reads" edges. */
    private static void report(AssetGraph graph, List<Integer> members, int[] component, int id, List<Problem> out) {
        int start = members.stream().min((a, b) -> graph.key(a).compareTo(graph.key(b))).orElseThrow();
        int[] parent = new int[graph.size()];
        Arrays.fill(parent, -2);
        int[] queue = new int[members.size() + 1];
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        parent[start] = -1;
        int last = -1;
        search:
        while (head < tail) {
            int v = queue[head++];
            for (int u : graph.upstream(v)) {
                if (component[u] != id) {
                    continue;
                }
                if (u == start) {
                    last = v;
                    break search;
                }
                if (parent[u] == -2) {
                    parent[u] = v;
                    queue[tail++] = u;
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (int v = last; v != -1; v = parent[v]) {
            path.add(0, graph.key(v).toString());
        }
        path.add(graph.key(start).toString());
        Asset a = graph.asset(start);
        out.add(new Problem("cycle", graph.key(start).toString(), a == null ? null : a.location(),
            "Assets depend on each other in a cycle: " + String.join(" → ", path) + " (each reads the next).",
            "Remove one of these dependencies; a cycle can never be materialized."));
    }
}
