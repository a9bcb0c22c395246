package dev.martello.marts.demodata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * Currencies and daily FX rates: a mean-reverting random walk per currency, one rate per non-USD currency for every
 * day of history (the last day included, so every non-USD order converts), published at 16:05 UTC of its day.
 */
final class Fx {
    static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CAD"};
    static final int USD = 0;
    static final int EUR = 1;
    static final int GBP = 2;
    static final int CAD = 3;
    private static final double[] BASE = {1.0, 1.08, 1.27, 0.74};
    private static final double DAILY_SIGMA = 0.004;
    private static final double REVERSION = 0.02;

    private final double[][] rate;

    Fx(Timeline time, SplittableRandom r, Loader out) throws SQLException {
        rate = new double[CURRENCIES.length][time.days];
        java.util.Arrays.fill(rate[USD], 1.0);
        for (int c = 1; c < CURRENCIES.length; c++) {
            double log = StrictMath.log(BASE[c]);
            double mean = log;
            for (int d = 0; d < time.days; d++) {
                log += REVERSION * (mean - log) + DAILY_SIGMA * Draw.gaussian(r);
                BigDecimal usdPerUnit = new BigDecimal(StrictMath.exp(log)).setScale(8, RoundingMode.HALF_UP);
                rate[c][d] = usdPerUnit.doubleValue();
                out.row(RawTables.FX_RATES, CURRENCIES[c], time.date(d), usdPerUnit,
                    Timeline.time(time.dayStart(d) + 16 * Timeline.HOUR + 5 * Timeline.MINUTE));
            }
        }
    }

    /** USD cents in minor units of {@code currency} at the rate of day {@code d}. */
    long fromUsd(long usdCents, int currency, int d) {
        return Math.max(1, Math.round(usdCents / rate[currency][d]));
    }
}
