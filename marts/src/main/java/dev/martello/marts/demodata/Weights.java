package dev.martello.marts.demodata;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Picks an index with probability proportional to its weight. */
final class Weights {
    private final double[] cumulative;

    Weights(double... weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    int pick(SplittableRandom r) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(i < 0 ? -i - 1 : i + 1, cumulative.length - 1);
    }

    boolean isEmpty() {
        return cumulative.length == 0 || cumulative[cumulative.length - 1] <= 0;
    }
}
