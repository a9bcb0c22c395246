package dev.martello.core.freshness;

import dev.martello.core.automation.CronTicks;
import dev.martello.core.planning.PartitionKeys;
import dev.martello.core.runs.AssetPartition;
import dev.martello.dsl.Asset;
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
        Verdict v = judge(asset.freshness(), Words.ASSET, materializedAt, windowEnd, now);
        return new FreshnessState(target, v.status(), v.reason());
    }

    /**
     * Judges a source by when new data was last observed in it (its loaded-at column or row count moved), with the
     * rules of an unpartitioned asset.
     */
    public static SourceFreshness judge(Source source, Instant updatedAt, Instant now) {
        Verdict v = judge(source.freshness(), Words.SOURCE, updatedAt, null, now);
        return new SourceFreshness(source.key(), v.status(), v.reason());
    }

    private record Verdict(FreshnessStatus status, String reason) {
    }

    /** How a reason names the last update: an asset's materialization, or new data observed in a source. */
    private record Words(String never, String last, String at) {
        static final Words ASSET = new Words("never materialized", "last materialized", "materialized at");
        static final Words SOURCE = new Words("no new data observed yet", "new data last observed",
            "new data observed at");
    }

    private static Verdict judge(FreshnessPolicy policy, Words words, Instant updatedAt, Instant windowEnd,
                                 Instant now) {
        return switch (policy) {
            case FreshnessPolicy.MaxLag lag -> maxLag(lag, words, updatedAt, windowEnd, now);
            case FreshnessPolicy.CronDeadline cron -> deadline(cron, words, updatedAt, windowEnd, now);
        };
    }

    private static Verdict maxLag(FreshnessPolicy.MaxLag policy, Words words, Instant materializedAt,
                                  Instant windowEnd, Instant now) {
        if (windowEnd != null && materializedAt != null) {
            return new Verdict(FreshnessStatus.PASS, "partition materialized at " + materializedAt);
        }
        Instant since = windowEnd != null ? windowEnd : materializedAt;
        if (since == null) {
            return new Verdict(FreshnessStatus.UNKNOWN, words.never());
        }
        Duration age = Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now);
        String what = windowEnd != null ? "not materialized, window ended " + Durations.format(age) + " ago"
            : words.last() + " " + Durations.format(age) + " ago (" + since + ")";
        if (age.compareTo(policy.maxLag()) > 0) {
            return new Verdict(FreshnessStatus.FAIL, what + ", more than " + Durations.format(policy.maxLag()));
        }
        if (policy.warnAfter() != null && age.compareTo(policy.warnAfter()) > 0) {
            return new Verdict(FreshnessStatus.WARN, what + ", more than " + Durations.format(policy.warnAfter())
                + " (fails after " + Durations.format(policy.maxLag()) + ")");
        }
        return new Verdict(FreshnessStatus.PASS, what + ", within " + Durations.format(policy.maxLag()));
    }

    private static Verdict deadline(FreshnessPolicy.CronDeadline policy, Words words, Instant materializedAt,
                                    Instant windowEnd, Instant now) {
        CronTicks ticks = new CronTicks(policy.cron(), policy.zone());
        if (windowEnd != null) {
            if (materializedAt != null) {
                return new Verdict(FreshnessStatus.PASS, "partition materialized at " + materializedAt);
            }
            Instant due = ticks.nextAfter(windowEnd.minusNanos(1));
            return due != null && !due.isAfter(now)
                ? new Verdict(FreshnessStatus.FAIL, "not materialized by the deadline at " + due)
                : new Verdict(FreshnessStatus.PASS, "not materialized yet; due by " + due);
        }
        Instant last = ticks.lastAtOrBefore(now);
        if (last == null) {
            return new Verdict(FreshnessStatus.UNKNOWN, "no deadline has passed yet");
        }
        if (materializedAt == null) {
            return new Verdict(FreshnessStatus.UNKNOWN, words.never());
        }
        Instant previous = ticks.lastAtOrBefore(last.minusNanos(1));
        if (previous == null || !materializedAt.isBefore(previous)) {
            return new Verdict(FreshnessStatus.PASS, words.at() + " " + materializedAt
                + ", in time for the deadline at " + (materializedAt.isBefore(last) ? last : ticks.nextAfter(now)));
        }
        return new Verdict(FreshnessStatus.FAIL, words.last() + " at " + materializedAt
            + ", missed the deadline at " + last);
    }
}
