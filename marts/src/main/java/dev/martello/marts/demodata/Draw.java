package dev.martello.marts.demodata;

import java.util.SplittableRandom;

/**
 * Random draws for the generator. StrictMath keeps them bit-for-bit the same on every JVM and CPU, so a seed gives the
 * same rows everywhere.
 */
final class Draw {
    private Draw() {
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Uniform in {@code [lo, hi]}. */
    static long between(SplittableRandom r, long lo, long hi) {
        return hi <= lo ? lo : lo + r.nextLong(hi - lo + 1);
    }

    static <T> T oneOf(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** A standard normal draw (Box–Muller). */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * r.nextDouble());
    }

    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(r));
    }

    /** Exponentially distributed with the given mean. */
    static double exponential(SplittableRandom r, double mean) {
        return -mean * StrictMath.log(1.0 - r.nextDouble());
    }

    /** {@code expected} rounded up or down at random, so many roundings add up to the expected total. */
    static int round(SplittableRandom r, double expected) {
        int whole = (int) StrictMath.floor(expected);
        return whole + (r.nextDouble() < expected - whole ? 1 : 0);
    }

    /** A random version-4 UUID from the generator, as text. */
    static String uuid(SplittableRandom r) {
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(msb, lsb).toString();
    }
}
