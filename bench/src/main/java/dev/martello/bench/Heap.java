package dev.martello.bench;

/** Heap in use after full collections: what stays reachable, not what was allocated on the way. */
final class Heap {
    private Heap() {
    }

    /** Asks for a full collection a few times, pausing so concurrent cleanup (e.g. reference processing) settles. */
    static void collect() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static long used() {
        collect();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
