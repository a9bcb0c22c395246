package dev.martello.bench;

import java.util.Arrays;

/**
 * Repeated wall-clock measurements of one operation, in milliseconds, summarised by median and minimum.
 *
 * @param times the runs in the order they ran
 */
record Timing(double median, double min, double[] times) {

    Timing {
        times = times.clone();
    }

    /**
     * Times {@code runs} calls of {@code action}, each after a full collection so that one run's garbage is not
     * billed to the next.
     */
    static Timing of(int runs, Runnable action) {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            Heap.collect();
            long t = System.nanoTime();
            action.run();
            times[i] = ms(System.nanoTime() - t);
        }
        return of(times);
    }

    static Timing of(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Timing(median, sorted[0], times);
    }

    /** The runs in the order they ran, rounded to whole milliseconds, e.g. {@code [212, 208, 230]}. */
    String runs() {
        StringBuilder out = new StringBuilder("[");
        for (double t : times) {
            out.append(out.length() > 1 ? ", " : "").append(Math.round(t));
        }
        return out.append(']').toString();
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
