package dev.martello.dsl;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * How an asset is split into independently materialized partitions.
 *
 * <p>{@code Partitions.daily("2024-01-01", "Europe/Berlin")}, {@code Partitions.hourly("2024-01-01", "UTC")},
 * {@code Partitions.of("us", "eu")}
 */
public sealed interface Partitions {

    /** Time partitions of one granularity from a start date in a time zone. */
    record Time(Granularity granularity, LocalDate start, ZoneId zone) implements Partitions {
        @Override
        public String describe() {
            return granularity.label() + " from " + start + " (" + zone.getId() + ")";
        }
    }

    /** A fixed list of partition keys, e.g. regions. */
    record Static(List<String> keys) implements Partitions {
        public Static {
            keys = List.copyOf(keys);
        }

        @Override
        public String describe() {
            return "static " + keys;
        }
    }

    enum Granularity {
        HOURLY, DAILY;

        public String label() {
            return this == HOURLY ? "hourly" : "daily";
        }
    }

    /** One line for listings and errors, e.g. {@code daily from 2024-01-01 (UTC)}. */
    String describe();

    static Partitions daily(String startDate, String zone) {
        return new Time(Granularity.DAILY, LocalDate.parse(startDate), ZoneId.of(zone));
    }

    static Partitions hourly(String startDate, String zone) {
        return new Time(Granularity.HOURLY, LocalDate.parse(startDate), ZoneId.of(zone));
    }

    static Partitions of(String... keys) {
        return new Static(List.of(keys));
    }
}
