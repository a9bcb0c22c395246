package dev.martello.web.lineage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serialised layouts per selection of the current graph, least recently used dropped past {@value #SIZE}: a layout
 * depends only on the graph, so it is computed once per reload and the status overlay is fetched on its own.
 */
public final class LineageCache {
    static final int SIZE = 64;

    private final Map<String, byte[]> bySelection = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > SIZE;
        }
    };

    public synchronized byte[] get(String selection, Supplier<byte[]> compute) {
        byte[] cached = bySelection.get(selection);
        if (cached == null) {
            cached = compute.get();
            bySelection.put(selection, cached);
        }
        return cached;
    }

    public synchronized void clear() {
        bySelection.clear();
    }
}
