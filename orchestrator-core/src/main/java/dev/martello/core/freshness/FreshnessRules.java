package dev.martello.core.freshness;

import dev.martello.core.automation.CronTicks;
import dev.martello.core.planning.PartitionKeys;
import dev.martello.core.runs.AssetPartition;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Durations;
import dev.martello.dsl.FreshnessPolicy;
import dev.martello.dsl.Partitions;
import dev.martello.dsl.Source;

import java.time.Duration;
import java.time.Instant;

/**
 * Judges one asset partition against its policy at {@code now} (PRODUCT.md, "Freshness").
 * <ul>
 *   <li>{@code MaxLag}: FAIL once the last materialization is older than the lag, WARN past {@code warnAfter}.
 *       A time partition is PASS once materialized; until then its lag runs from the end of its window.</li>
 *   <li>{@code CronDeadline}: PASS when materialized since the deadline before the last one passed (so the last
 *       deadline was met), FAIL otherwise; a time partition must be materialized by the first deadline after its
 *       window ends.</li>
 *   <li>UNKNOWN when there is nothing to judge: never materialized (no lag to measure), or no deadline yet.</li>
 * </ul>
 */
public final class FreshnessRules {
    private FreshnessRules() {
    }

    public static FreshnessState judge(Asset asset, String key, Instant materializedAt, Instant now) {
        AssetPartition target = new AssetPartition(asset.key(), key);
        Instant windowEnd = asset.partitions() instanceof Partitions.Time t ? PartitionKeys.window(t, key).end() : null;
        return switch (asset.freshness()) {
            case FreshnessPolicy.MaxLag lag -> maxLag(target, lag, materializedAt, windowEnd, now);
            case FreshnessPolicy.CronDeadline cron -> deadline(target, cron, materializedAt, windowEnd, now);
        };
    }

    /**
     * Judges a source by when new data was last observed in it (its loaded-at column or row count moved), with the
     * asset rules for an unpartitioned asset: "materialized" reads "got new data".
     */
    public static SourceFreshness judge(Source source, Instant updatedAt, Instant now) {
        AssetPartition probe = new AssetPartition(PROBE, "");
        FreshnessState state = switch (source.freshness()) {
            case FreshnessPolicy.MaxLag lag -> maxLag(probe, lag, updatedAt, null, now);
            case FreshnessPolicy.CronDeadline cron -> deadline(probe, cron, updatedAt, null, now);
        };
        String reason = state.reason().replace("never materialized", "no new data observed yet")
            .replace("last materialized", "new data last observed").replace("materialized at", "new data observed at");
        return new SourceFreshness(source.key(), state.status(), reason);
    }

    /** Stands in for the source while the asset rules judge it; never leaves this class. */
    private static final AssetKey PROBE = AssetKey.parse("source/probe");

    private static FreshnessState maxLag(AssetPartition target, FreshnessPolicy.MaxLag policy,
                                         Instant materializedAt, Instant windowEnd, Instant now) {
        if (windowEnd != null && materializedAt != null) {
            return new FreshnessState(target, FreshnessStatus.PASS, "partition materialized at " + materializedAt);
        }
        Instant since = windowEnd != null ? windowEnd : materializedAt;
        if (since == null) {
            return new FreshnessState(target, FreshnessStatus.UNKNOWN, "never materialized");
        }
        Duration age = Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now);
        String what = windowEnd != null ? "not materialized, window ended " + Durations.format(age) + " ago"
            : "last materialized " + Durations.format(age) + " ago (" + since + ")";
        if (age.compareTo(policy.maxLag()) > 0) {
            return new FreshnessState(target, FreshnessStatus.FAIL, what + ", more than "
                + Durations.format(policy.maxLag()));
        }
        if (policy.warnAfter() != null && age.compareTo(policy.warnAfter()) > 0) {
            return new FreshnessState(target, FreshnessStatus.WARN, what + ", more than "
                + Durations.format(policy.warnAfter()) + " (fails after " + Durations.format(policy.maxLag()) + ")");
        }
        return new FreshnessState(target, FreshnessStatus.PASS, what + ", within " + Durations.format(policy.maxLag()));
    }

    private static FreshnessState deadline(AssetPartition target,
                                           FreshnessPolicy.CronDeadline policy, Instant materializedAt,
                                           Instant windowEnd, Instant now) {
        CronTicks ticks = new CronTicks(policy.cron(), policy.zone());
        if (windowEnd != null) {
            if (materializedAt != null) {
                return new FreshnessState(target, FreshnessStatus.PASS, "partition materialized at " + materializedAt);
            }
            Instant due = ticks.nextAfter(windowEnd.minusNanos(1));
            return due != null && !due.isAfter(now)
                ? new FreshnessState(target, FreshnessStatus.FAIL, "not materialized by the deadline at " + due)
                : new FreshnessState(target, FreshnessStatus.PASS, "not materialized yet; due by " + due);
        }
        Instant last = ticks.lastAtOrBefore(now);
        if (last == null) {
            return new FreshnessState(target, FreshnessStatus.UNKNOWN, "no deadline has passed yet");
        }
        if (materializedAt == null) {
            return new FreshnessState(target, FreshnessStatus.UNKNOWN, "never materialized");
        }
        Instant previous = ticks.lastAtOrBefore(last.minusNanos(1));
        if (previous == null || !materializedAt.isBefore(previous)) {
            return new FreshnessState(target, FreshnessStatus.PASS, "materialized at " + materializedAt
                + ", in time for the deadline at " + (materializedAt.isBefore(last) ? last : ticks.nextAfter(now)));
        }
        return new FreshnessState(target, FreshnessStatus.FAIL, "last materialized at " + materializedAt
            + ", missed the deadline at " + last);
    }
}
