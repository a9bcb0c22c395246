package dev.martello.marts.demodata;

/**
 * How much of everything a scale means. Scale 1 is about a million app events (20k users, 1.5k sellers, 15k shows,
 * 150k orders); the other sizes grow in proportion. Small scales stop at floors that keep every mart meaningful, so
 * scale 0.01 and below is about ten thousand events.
 */
record Sizes(int users, int sellers, int shows, int viewerSessions, int bids, int orders, int events) {

    static Sizes of(double scale) {
        return new Sizes(
            size(scale, 20_000, 300),
            size(scale, 1_500, 20),
            size(scale, 15_000, 300),
            size(scale, 200_000, 2_000),
            size(scale, 120_000, 1_200),
            size(scale, 150_000, 1_500),
            size(scale, 1_000_000, 10_000));
    }

    private static int size(double scale, int atScaleOne, int floor) {
        double n = Math.rint(atScaleOne * scale);
        if (n > Integer.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("the seed scale " + scale + " is too large");
        }
        return Math.max(floor, (int) n);
    }
}
