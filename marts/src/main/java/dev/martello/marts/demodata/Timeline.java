package dev.martello.marts.demodata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.SplittableRandom;

/**
 * The days the demo covers and how busy each is. History starts on 2024-01-01, where the daily partitions start, so
 * every partition and the holiday campaign of 2025 have data; it ends at {@code lastDay} 23:59:59 UTC, the demo's
 * "now". Business grows fourfold over the history, with weekends and the holiday season busier. Times are epoch
 * seconds, UTC.
 */
final class Timeline {
    static final LocalDate PARTITIONS_START = LocalDate.of(2024, 1, 1);
    static final long MINUTE = 60;
    static final long HOUR = 3_600;
    static final long DAY = 86_400;
    private static final int MIN_DAYS = 180;
    private static final double GROWTH = 4.0;
    /** Activity by UTC hour: American evenings (00–04 UTC) and European evenings (18–23 UTC) are busiest. */
    private static final Weights HOURS = new Weights(1.6, 1.7, 1.6, 1.3, 0.9, 0.6, 0.4, 0.3, 0.3, 0.35, 0.45, 0.55,
        0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.45, 1.5, 1.5, 1.55);

    final LocalDate firstDay;
    final LocalDate lastDay;
    final int days;
    /** The first second of history. */
    final long start;
    /** The last second of history, {@code lastDay} 23:59:59: nothing the sources hold happened or loaded later. */
    final long now;
    private final double[] weight;

    Timeline(LocalDate lastDay) {
        LocalDate first = PARTITIONS_START;
        if (ChronoUnit.DAYS.between(first, lastDay) + 1 < MIN_DAYS) {
            first = lastDay.minusDays(MIN_DAYS - 1);
        }
        this.firstDay = first;
        this.lastDay = lastDay;
        this.days = (int) ChronoUnit.DAYS.between(first, lastDay) + 1;
        this.start = first.toEpochSecond(java.time.LocalTime.MIDNIGHT, ZoneOffset.UTC);
        this.now = start + days * DAY - 1;
        this.weight = new double[days];
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            double growth = StrictMath.pow(GROWTH, days == 1 ? 1 : (double) d / (days - 1));
            weight[d] = growth * weekday(date.getDayOfWeek()) * season(date);
        }
    }

    long dayStart(int d) {
        return start + d * DAY;
    }

    int dayOf(long t) {
        return (int) Math.floorDiv(t - start, DAY);
    }

    LocalDate date(int d) {
        return firstDay.plusDays(d);
    }

    /** {@code total} spread over the days by their weights; the parts add up to {@code total} exactly. */
    int[] perDay(long total) {
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        int[] out = new int[days];
        double cumulative = 0;
        long given = 0;
        for (int d = 0; d < days; d++) {
            cumulative += weight[d];
            long upTo = Math.round(total * cumulative / sum);
            out[d] = (int) (upTo - given);
            given = upTo;
        }
        return out;
    }

    /** A second of the day, following the hourly activity profile. */
    long clock(SplittableRandom r) {
        return HOURS.pick(r) * HOUR + r.nextLong(HOUR);
    }

    static LocalDateTime time(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    static LocalDateTime timeMillis(long epochMilli) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMilli, 1000),
            (int) Math.floorMod(epochMilli, 1000) * 1_000_000, ZoneOffset.UTC);
    }

    /** When ingestion loaded something that changed at {@code t}: minutes later, never after now. */
    long loaded(SplittableRandom r, long t, long maxDelay) {
        return Math.min(now, t + Draw.between(r, 30, maxDelay));
    }

    private static double weekday(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> 0.92;
            case TUESDAY -> 0.9;
            case WEDNESDAY -> 0.95;
            case THURSDAY -> 1.0;
            case FRIDAY -> 1.02;
            case SATURDAY -> 1.1;
            case SUNDAY -> 1.2;
        };
    }

    /** Black Friday to Cyber Monday is the peak; November and December before Christmas are busy. */
    static double season(LocalDate d) {
        LocalDate thanksgiving = LocalDate.of(d.getYear(), 11, 1)
            .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        if (!d.isBefore(thanksgiving.plusDays(1)) && !d.isAfter(thanksgiving.plusDays(4))) {
            return 2.2;
        }
        if (!d.isBefore(thanksgiving.minusDays(3)) && d.isBefore(thanksgiving.plusDays(1))) {
            return 1.5;
        }
        return switch (d.getMonth()) {
            case NOVEMBER -> 1.15;
            case DECEMBER -> d.getDayOfMonth() <= 22 ? 1.4 : d.getDayOfMonth() <= 26 ? 0.85 : 1.1;
            case JANUARY -> d.getDayOfMonth() <= 6 ? 1.1 : 1.0;
            default -> 1.0;
        };
    }
}
