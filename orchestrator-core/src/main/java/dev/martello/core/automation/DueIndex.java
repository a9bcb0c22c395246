package dev.martello.core.automation;

import java.time.Instant;
import java.util.BitSet;
import java.util.PriorityQueue;

/**
 * Nodes that must be looked at again at a known instant (a cron tick, a time partition completing), so a tick finds
 * them by popping a heap instead of scanning the graph.
 */
final class DueIndex {
    private record Due(Instant at, int node) {
    }

    private final PriorityQueue<Due> heap = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));

    void add(Instant at, int node) {
        if (at != null) {
            heap.add(new Due(at, node));
        }
    }

    /** Removes and returns the nodes due at or before {@code now}. */
    BitSet popDue(Instant now, int size) {
        BitSet due = new BitSet(size);
        while (!heap.isEmpty() && !heap.peek().at().isAfter(now)) {
            due.set(heap.poll().node());
        }
        return due;
    }

    int size() {
        return heap.size();
    }
}
