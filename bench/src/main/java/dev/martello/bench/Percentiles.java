package dev.martello.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of latency samples in milliseconds (nearest-rank percentiles). */
final class Percentiles {
    private final double[] sorted;

    Percentiles(List<Double> samples) {
        sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }

    double at(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double median() {
        return at(50);
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }
}
