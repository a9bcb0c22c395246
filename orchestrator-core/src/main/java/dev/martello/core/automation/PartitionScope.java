package dev.martello.core.automation;

import dev.martello.core.planning.PartitionKeys;
import dev.martello.dsl.Asset;
import dev.martello.dsl.PartitionMapping;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.Partitions;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Which partitions of an asset automation and freshness look at, at a given instant, and which upstream partitions
 * each of them reads. Chosen: an unpartitioned asset is its one partition {@code ""}; a time-partitioned asset is
 * judged on its <em>latest complete</em> partition (yesterday for daily; earlier partitions are the business of
 * backfills); a statically partitioned asset on every key.
 */
public final class PartitionScope {
    private PartitionScope() {
    }

    /** The partitions of {@code asset} judged at {@code now}; empty before its first time partition completes. */
    public static List<String> of(Asset asset, Instant now) {
        Partitions p = asset.partitions();
        return switch (p) {
            case null -> List.of("");
            case Partitions.Static s -> s.keys();
            case Partitions.Time t -> {
                String latest = PartitionKeys.latestComplete(t, now);
                yield PartitionKeys.window(t, latest).start().isBefore(t.start().atStartOfDay(t.zone()).toInstant())
                    ? List.of() : List.of(latest);
            }
        };
    }

    /**
     * The upstream partitions that partition {@code key} of {@code asset} reads: {@code ""} of an unpartitioned
     * upstream; the same key under equal partitioning (identity); the overlapping windows between different time
     * partitionings; otherwise (mapping {@code all}, or static against time) the upstream's own scope at {@code now}.
     */
    public static List<String> upstream(Asset asset, String key, Asset upstream, Instant now) {
        Partitions up = upstream.partitions();
        if (up == null) {
            return List.of("");
        }
        PartitionMapping mapping = asset.mappingFor(upstream.key());
        if (asset.partitions() == null || mapping instanceof PartitionMapping.All) {
            return of(upstream, now);
        }
        if (up.equals(asset.partitions())) {
            return List.of(key);
        }
        if (up instanceof Partitions.Time ut && asset.partitions() instanceof Partitions.Time) {
            PartitionWindow w = PartitionKeys.window(asset.partitions(), key);
            return PartitionKeys.overlapping(ut, w);
        }
        return of(upstream, now);
    }

    /**
     * When the scope of {@code asset} next moves (its next time partition completes), or null when it never does.
     */
    public static Instant nextChange(Asset asset, Instant now) {
        if (!(asset.partitions() instanceof Partitions.Time t)) {
            return null;
        }
        ZonedDateTime start = now.atZone(t.zone());
        ZonedDateTime next = t.granularity() == Partitions.Granularity.DAILY
            ? start.toLocalDate().plusDays(1).atStartOfDay(t.zone())
            : start.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusHours(1);
        return next.toInstant();
    }
}
