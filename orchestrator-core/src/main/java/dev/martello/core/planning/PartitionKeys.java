package dev.martello.core.planning;

import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.Partitions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Partition keys and their windows. Daily keys are {@code 2024-01-31}, hourly keys {@code 2024-01-31-13:00}
 * (Dagster's spelling), static keys are the declared strings. A time partition is the half-open window
 * {@code [start, end)} in the partitions' time zone.
 */
public final class PartitionKeys {
    private static final DateTimeFormatter HOURLY = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH:mm");

    private PartitionKeys() {
    }

    /** The window of {@code key}; throws {@link IllegalArgumentException} naming the expected format. */
    public static PartitionWindow window(Partitions partitions, String key) {
        return switch (partitions) {
            case Partitions.Static s -> {
                if (!s.keys().contains(key)) {
                    throw new IllegalArgumentException("'" + key + "' is not one of the partitions " + s.keys() + ".");
                }
                yield new PartitionWindow(key, null, null);
            }
            case Partitions.Time t -> {
                LocalDateTime start = parse(t, key);
                if (start.toLocalDate().isBefore(t.start())) {
                    throw new IllegalArgumentException("partition '" + key + "' is before the first partition "
                        + t.start() + ".");
                }
                ZonedDateTime zs = start.atZone(t.zone());
                ZonedDateTime ze = t.granularity() == Partitions.Granularity.DAILY ? zs.plusDays(1) : zs.plusHours(1);
                yield new PartitionWindow(key, zs.toInstant(), ze.toInstant());
            }
        };
    }

    /**
     * The keys a requested key stands for: itself, or for time partitions of another granularity the keys inside
     * its window (a day asked of an hourly asset means its 24 hours; an hour asked of a daily asset, its day).
     */
    public static List<String> expand(Partitions partitions, String key) {
        if (partitions instanceof Partitions.Time t && !fits(t, key)) {
            if (t.granularity() == Partitions.Granularity.HOURLY && isDaily(key)) {
                return range(t, key + "-00:00", key + "-23:00");
            }
            if (t.granularity() == Partitions.Granularity.DAILY && key.length() == 16 && isDaily(key.substring(0, 10))) {
                return List.of(key.substring(0, 10));
            }
        }
        return List.of(key);
    }

    private static boolean fits(Partitions.Time t, String key) {
        try {
            parse(t, key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDaily(String key) {
        try {
            LocalDate.parse(key);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Every key from {@code from} to {@code to}, both included (each end expanded as by {@link #expand}). */
    public static List<String> range(Partitions partitions, String from, String to) {
        if (partitions instanceof Partitions.Time t && (!fits(t, from) || !fits(t, to))) {
            List<String> a = expand(t, from);
            List<String> b = expand(t, to);
            from = a.getFirst();
            to = b.getLast();
        }
        if (partitions instanceof Partitions.Static s) {
            int a = s.keys().indexOf(from);
            int b = s.keys().indexOf(to);
            if (a < 0 || b < 0) {
                throw new IllegalArgumentException("'" + (a < 0 ? from : to) + "' is not one of the partitions "
                    + s.keys() + ".");
            }
            return List.copyOf(s.keys().subList(Math.min(a, b), Math.max(a, b) + 1));
        }
        Partitions.Time t = (Partitions.Time) partitions;
        LocalDateTime a = parse(t, from);
        LocalDateTime b = parse(t, to);
        if (b.isBefore(a)) {
            throw new IllegalArgumentException("the range " + from + " … " + to + " ends before it starts.");
        }
        List<String> out = new ArrayList<>();
        ChronoUnit unit = t.granularity() == Partitions.Granularity.DAILY ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        for (LocalDateTime k = a; !k.isAfter(b); k = k.plus(1, unit)) {
            out.add(format(t, k));
        }
        return out;
    }

    /** The last partition whose window has ended by {@code now} (e.g. yesterday for daily partitions). */
    public static String latestComplete(Partitions partitions, Instant now) {
        return switch (partitions) {
            case Partitions.Static s -> s.keys().getLast();
            case Partitions.Time t -> {
                ZonedDateTime z = now.atZone(t.zone());
                LocalDateTime k = t.granularity() == Partitions.Granularity.DAILY
                    ? z.toLocalDate().minusDays(1).atStartOfDay()
                    : z.toLocalDateTime().truncatedTo(ChronoUnit.HOURS).minusHours(1);
                yield format(t, k);
            }
        };
    }

    /** The keys of {@code upstream} whose windows overlap {@code window} (time partitions on both sides). */
    public static List<String> overlapping(Partitions.Time upstream, PartitionWindow window) {
        ZonedDateTime start = window.start().atZone(upstream.zone());
        LocalDateTime first = upstream.granularity() == Partitions.Granularity.DAILY
            ? start.toLocalDate().atStartOfDay() : start.toLocalDateTime().truncatedTo(ChronoUnit.HOURS);
        ChronoUnit unit = upstream.granularity() == Partitions.Granularity.DAILY ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        List<String> out = new ArrayList<>();
        for (LocalDateTime k = first; k.atZone(upstream.zone()).toInstant().isBefore(window.end()); k = k.plus(1, unit)) {
            if (!k.toLocalDate().isBefore(upstream.start())) {
                out.add(format(upstream, k));
            }
        }
        return out;
    }

    private static LocalDateTime parse(Partitions.Time t, String key) {
        try {
            return t.granularity() == Partitions.Granularity.DAILY
                ? LocalDate.parse(key).atStartOfDay() : LocalDateTime.parse(key, HOURLY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + key + "' is not " + (t.granularity() == Partitions.Granularity.DAILY ? "a daily" : "an hourly")
                + " partition key;"
                + " write it as " + (t.granularity() == Partitions.Granularity.DAILY ? "2024-01-31" : "2024-01-31-13:00")
                + ".", e);
        }
    }

    private static String format(Partitions.Time t, LocalDateTime k) {
        return t.granularity() == Partitions.Granularity.DAILY ? k.toLocalDate().toString() : k.format(HOURLY);
    }
}
