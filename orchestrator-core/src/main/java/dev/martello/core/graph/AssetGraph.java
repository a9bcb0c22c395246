package dev.martello.core.graph;

import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Mart;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.Source;
import dev.martello.dsl.SourceKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded asset graph: every source and asset of a workspace as a node with a dense integer id, and edges from
 * upstream to downstream. Immutable; lookups and traversals are array-based so the whole graph is walked in linear
 * time. Dependencies on unknown keys are left out of the edges (the validator reports them).
 */
public final class AssetGraph {
    private final List<Mart> marts;
    private final NodeKey[] keys;
    private final Asset[] assets;
    private final Source[] sources;
    private final Mart[] martOf;
    private final Map<NodeKey, Integer> index;
    private final int[][] upstream;
    private final int[][] downstream;
    private volatile KeyTexts keyTexts;

    private AssetGraph(List<Mart> marts, NodeKey[] keys, Asset[] assets, Source[] sources, Mart[] martOf,
                       Map<NodeKey, Integer> index, int[][] upstream, int[][] downstream) {
        this.marts = marts;
        this.keys = keys;
        this.assets = assets;
        this.sources = sources;
        this.martOf = martOf;
        this.index = index;
        this.upstream = upstream;
        this.downstream = downstream;
    }

    /** Builds the graph from marts; the first declaration of a duplicate key wins. */
    public static AssetGraph of(List<Mart> marts) {
        int capacity = 0;
        for (Mart m : marts) {
            capacity += m.assets().size() + m.sources().size();
        }
        NodeKey[] keys = new NodeKey[capacity];
        Asset[] assets = new Asset[capacity];
        Source[] sources = new Source[capacity];
        Mart[] martOf = new Mart[capacity];
        Map<NodeKey, Integer> index = HashMap.newHashMap(capacity);
        int n = 0;
        for (Mart m : marts) {
            for (Source s : m.sources()) {
                if (index.putIfAbsent(s.key(), n) == null) {
                    keys[n] = s.key();
                    sources[n] = s;
                    martOf[n++] = m;
                }
            }
            for (Asset a : m.assets()) {
                if (index.putIfAbsent(a.key(), n) == null) {
                    keys[n] = a.key();
                    assets[n] = a;
                    martOf[n++] = m;
                }
            }
        }
        int[][] up = new int[n][];
        int[] downCount = new int[n];
        for (int i = 0; i < n; i++) {
            if (assets[i] == null) {
                up[i] = new int[0];
                continue;
            }
            int[] ids = new int[assets[i].upstreams().size()];
            int c = 0;
            for (NodeKey k : assets[i].upstreams()) {
                Integer id = index.get(k);
                if (id != null) {
                    ids[c++] = id;
                    downCount[id]++;
                }
            }
            up[i] = c == ids.length ? ids : Arrays.copyOf(ids, c);
        }
        int[][] down = new int[n][];
        for (int i = 0; i < n; i++) {
            down[i] = new int[downCount[i]];
            downCount[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int u : up[i]) {
                down[u][downCount[u]++] = i;
            }
        }
        return new AssetGraph(List.copyOf(marts), Arrays.copyOf(keys, n), Arrays.copyOf(assets, n),
            Arrays.copyOf(sources, n), Arrays.copyOf(martOf, n), index, up, down);
    }

    /** Number of nodes, sources and assets. */
    public int size() {
        return keys.length;
    }

    public List<Mart> marts() {
        return marts;
    }

    public Optional<Mart> mart(String name) {
        return marts.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public NodeKey key(int node) {
        return keys[node];
    }

    /**
     * Every node's key as text ({@code mart/name}, {@code schema.table}), by node id; built once per graph on first
     * use, since selections match on it. Do not modify.
     */
    public String[] keyTexts() {
        KeyTexts texts = keyTexts;
        if (texts == null) {
            String[] out = new String[keys.length];
            Map<String, Integer> byText = new HashMap<>(keys.length * 2);
            for (int i = 0; i < out.length; i++) {
                out[i] = keys[i].toString();
                byText.put(out[i], i);
            }
            texts = new KeyTexts(out, byText);
            keyTexts = texts;
        }
        return texts.texts();
    }

    /** The node id of a key written as text, or -1 when no mart declares it. */
    public int indexOfText(String key) {
        keyTexts();
        Integer i = keyTexts.byText().get(key);
        return i == null ? -1 : i;
    }

    /** Immutable once built; racing first callers build equal copies, and either may win. */
    private record KeyTexts(String[] texts, Map<String, Integer> byText) {
    }

    /** The node id of a key, or -1 when no mart declares it. */
    public int indexOf(NodeKey key) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
    }

    public boolean contains(NodeKey key) {
        return index.containsKey(key);
    }

    public boolean isAsset(int node) {
        return assets[node] != null;
    }

    /** The asset at a node, or null for a source. */
    public Asset asset(int node) {
        return assets[node];
    }

    /** The source at a node, or null for an asset. */
    public Source source(int node) {
        return sources[node];
    }

    /** The asset with this key. */
    public Optional<Asset> asset(AssetKey key) {
        int i = indexOf(key);
        return i < 0 ? Optional.empty() : Optional.ofNullable(assets[i]);
    }

    public Optional<Source> source(SourceKey key) {
        int i = indexOf(key);
        return i < 0 ? Optional.empty() : Optional.ofNullable(sources[i]);
    }

    /** The mart that declares the node. */
    public Mart martOf(int node) {
        return martOf[node];
    }

    /** Ids of the nodes this node reads; do not modify. */
    public int[] upstream(int node) {
        return upstream[node];
    }

    /** Ids of the nodes that read this node; do not modify. */
    public int[] downstream(int node) {
        return downstream[node];
    }

    /** Every key, in node-id order. */
    public List<NodeKey> keys() {
        return Collections.unmodifiableList(Arrays.asList(keys));
    }

    /** Every asset, in node-id order. */
    public List<Asset> assets() {
        List<Asset> out = new ArrayList<>();
        for (Asset a : assets) {
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The given nodes ordered so every node comes after its upstreams (Kahn's algorithm over the induced subgraph);
     * nodes on a cycle are left out.
     */
    public int[] topologicalOrder(java.util.BitSet nodes) {
        int[] indegree = new int[keys.length];
        int[] queue = new int[nodes.cardinality()];
        int head = 0;
        int tail = 0;
        for (int i = nodes.nextSetBit(0); i >= 0; i = nodes.nextSetBit(i + 1)) {
            for (int u : upstream[i]) {
                if (nodes.get(u)) {
                    indegree[i]++;
                }
            }
            if (indegree[i] == 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int n = queue[head++];
            for (int d : downstream[n]) {
                if (nodes.get(d) && --indegree[d] == 0) {
                    queue[tail++] = d;
                }
            }
        }
        return Arrays.copyOf(queue, tail);
    }

    /** All nodes as a set, for {@link #topologicalOrder(java.util.BitSet)}. */
    public java.util.BitSet all() {
        java.util.BitSet all = new java.util.BitSet(keys.length);
        all.set(0, keys.length);
        return all;
    }
}
