package dev.martello.core.freshness;

import dev.martello.core.automation.Metadata;
import dev.martello.core.freshness.jooq.JooqFreshnessStore;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.observation.ObservationStore;
import dev.martello.core.observation.jooq.JooqObservationStore;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Mart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.martello.core.freshness.FreshnessStatus.FAIL;
import static dev.martello.core.freshness.FreshnessStatus.PASS;
import static dev.martello.core.freshness.FreshnessStatus.UNKNOWN;
import static dev.martello.core.freshness.FreshnessStatus.WARN;
import static org.assertj.core.api.Assertions.assertThat;

/** Freshness over time on a real H2 metadata store: transitions, per partition, and SLO figures from them. */
class FreshnessEvaluatorTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final AssetPartition A = AssetPartition.unpartitioned(AssetKey.parse("sales/a"));

    @TempDir
    Path dir;
    RunStore runs;
    ObservationStore observations;
    FreshnessStore store;
    Metadata metadata;

    @BeforeEach
    void open() {
        runs = MetadataStores.h2(dir.resolve("metadata"));
        observations = JooqObservationStore.on(runs);
        store = JooqFreshnessStore.on(runs);
        metadata = new Metadata(runs);
    }

    @AfterEach
    void close() {
        runs.close();
    }

    static AssetGraph graph() {
        Mart sales = Mart.integrated("sales").owner("team:sales").source("raw.orders")
            .asset("a", a -> a.freshWithin(Duration.ofHours(2), Duration.ofHours(1))
                .sql("select * from {{ source('raw.orders') }}"))
            .asset("b", a -> a.owner("team:ops").freshBy("0 7 * * *", "Europe/Berlin")
                .sql("select * from {{ ref('a') }}"))
            .asset("daily", a -> a.partitionedDaily("2026-01-01", "UTC").incremental("day")
                .freshWithin(Duration.ofHours(6)).sql("select * from {{ ref('a') }}"))
            .asset("free", a -> a.sql("select * from {{ ref('a') }}"))
            .build();
        return AssetGraph.of(List.of(sales));
    }

    FreshnessEvaluator evaluator() {
        return FreshnessEvaluator.open(graph(), runs, observations, store);
    }

    static List<String> changes(List<FreshnessTransition> transitions, AssetPartition target) {
        return transitions.stream().filter(t -> t.target().equals(target))
            .map(t -> t.from() + "→" + t.to() + ": " + t.reason()).toList();
    }

    @Test
    void aSourceIsJudgedByWhenNewDataWasLastObservedInIt() {
        Mart ingest = Mart.integrated("ingest").owner("team:data")
            .source("raw.events", src -> src.loadedAt("_loaded_at").freshWithin(Duration.ofHours(1)))
            .source("raw.unwatched")
            .asset("e", a -> a.sql("select * from {{ source('raw.events') }} join {{ source('raw.unwatched') }} u"
                + " using (id)"))
            .build();
        FreshnessEvaluator freshness = FreshnessEvaluator.open(AssetGraph.of(List.of(ingest)), runs, observations,
            store);
        dev.martello.dsl.SourceKey events = dev.martello.dsl.SourceKey.parse("raw.events");

        freshness.evaluate(T0);
        assertThat(freshness.sourceStates()).containsExactly(
            new SourceFreshness(events, UNKNOWN, "no new data observed yet"));

        observations.record(events, T0, "max(_loaded_at)=2026-03-02 07:55:00");
        freshness.evaluate(T0.plus(Duration.ofMinutes(30)));
        assertThat(freshness.sourceStates()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(PASS);
            assertThat(s.reason()).startsWith("new data last observed 30m ago");
        });

        freshness.evaluate(T0.plus(Duration.ofHours(2)));
        assertThat(freshness.sourceStates()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(FAIL);
            assertThat(s.reason()).contains("more than 1h");
        });
        assertThat(freshness.states()).as("sources stay out of the asset states").isEmpty();
    }

    @Test
    void maxLagGoesFromPassToWarnToFailAndBackAndOnlyChangesAreStored() {
        metadata.materialize(T0, "sales/a");
        FreshnessEvaluator freshness = evaluator();

        assertThat(changes(freshness.evaluate(T0.plusSeconds(600)), A))
            .containsExactly("null→PASS: last materialized 10m ago (" + T0 + "), within 2h");
        assertThat(freshness.evaluate(T0.plusSeconds(1800))).isEmpty();
        assertThat(changes(freshness.evaluate(T0.plusSeconds(5400)), A))
            .containsExactly("PASS→WARN: last materialized 1h30m ago (" + T0 + "), more than 1h (fails after 2h)");
        assertThat(changes(freshness.evaluate(T0.plusSeconds(3 * 3600)), A))
            .containsExactly("WARN→FAIL: last materialized 3h ago (" + T0 + "), more than 2h");
        metadata.materialize(T0.plusSeconds(3 * 3600 + 600), "sales/a");
        assertThat(changes(freshness.evaluate(T0.plusSeconds(3 * 3600 + 900)), A))
            .containsExactly("FAIL→PASS: last materialized 5m ago (" + T0.plusSeconds(3 * 3600 + 600)
                + "), within 2h");

        assertThat(store.latest().get(A).to()).isEqualTo(PASS);
        assertThat(evaluator().evaluate(T0.plusSeconds(3 * 3600 + 960))).as("a restart continues from the store")
            .isEmpty();
    }

    @Test
    void cronDeadlineFailsWhenTheDeadlineIsMissedAndNeverMaterializedIsUnknown() {
        FreshnessEvaluator freshness = evaluator();
        AssetPartition b = AssetPartition.unpartitioned(AssetKey.parse("sales/b"));
        assertThat(changes(freshness.evaluate(T0), b)).containsExactly("null→UNKNOWN: never materialized");

        metadata.materialize(Instant.parse("2026-03-02T05:30:00Z"), "sales/b"); // 06:30 Berlin, before 07:00
        assertThat(changes(freshness.evaluate(T0.plusSeconds(60)), b)).containsExactly("UNKNOWN→PASS: materialized"
            + " at 2026-03-02T05:30:00Z, in time for the deadline at 2026-03-02T06:00:00Z");

        Instant nextDeadline = Instant.parse("2026-03-03T06:00:00Z"); // 07:00 Berlin
        assertThat(changes(freshness.evaluate(nextDeadline.minusSeconds(60)), b)).isEmpty();
        assertThat(changes(freshness.evaluate(nextDeadline), b)).containsExactly("PASS→FAIL: last materialized at "
            + "2026-03-02T05:30:00Z, missed the deadline at 2026-03-03T06:00:00Z");
    }

    @Test
    void partitionedAssetsAreJudgedPerPartitionAndAsAWhole() {
        FreshnessEvaluator freshness = evaluator();
        Instant noon = Instant.parse("2026-03-02T12:00:00Z");
        AssetPartition yesterday = new AssetPartition(AssetKey.parse("sales/daily"), "2026-03-01");
        AssetPartition whole = AssetPartition.unpartitioned(AssetKey.parse("sales/daily"));

        List<FreshnessTransition> first = freshness.evaluate(noon);
        assertThat(changes(first, yesterday))
            .containsExactly("null→FAIL: not materialized, window ended 12h ago, more than 6h");
        assertThat(changes(first, whole))
            .containsExactly("null→FAIL: partition 2026-03-01: not materialized, window ended 12h ago, more than 6h");

        metadata.materialize(noon.plusSeconds(60), "sales/daily[2026-03-01]");
        List<FreshnessTransition> after = freshness.evaluate(noon.plusSeconds(120));
        assertThat(changes(after, yesterday))
            .containsExactly("FAIL→PASS: partition materialized at " + noon.plusSeconds(60));
        assertThat(freshness.states().get(whole).status()).isEqualTo(PASS);

        AssetPartition today = new AssetPartition(AssetKey.parse("sales/daily"), "2026-03-02");
        List<FreshnessTransition> nextDay = freshness.evaluate(Instant.parse("2026-03-03T01:00:00Z"));
        assertThat(changes(nextDay, today))
            .containsExactly("null→PASS: not materialized, window ended 1h ago, within 6h");
        assertThat(changes(nextDay, whole)).isEmpty();
        assertThat(freshness.states()).as("only the last evaluation's partitions").doesNotContainKey(yesterday)
            .containsKey(today);
        assertThat(freshness.states()).doesNotContainKey(AssetPartition.unpartitioned(AssetKey.parse("sales/free")));
    }

    @Test
    void sloFiguresAreTheShareOfTrackedTimeInPassPerAssetMartAndOwner() {
        Instant now = Instant.parse("2026-03-30T00:00:00Z");
        Duration day = Duration.ofDays(1);
        AssetPartition b = AssetPartition.unpartitioned(AssetKey.parse("sales/b"));
        store.record(List.of(
            new FreshnessTransition(A, now.minus(day.multipliedBy(40)), null, WARN, "old"),
            new FreshnessTransition(A, now.minus(day.multipliedBy(10)), WARN, PASS, "fresh"),
            new FreshnessTransition(A, now.minus(day.multipliedBy(2)), PASS, FAIL, "late"),
            new FreshnessTransition(A, now.minus(day), FAIL, PASS, "fresh again"),
            new FreshnessTransition(b, now.minus(day), null, UNKNOWN, "never materialized")));

        SloReport report = SloReport.of(graph(), store, now);

        SloReport.AssetFigures a = report.assets().stream().filter(f -> f.asset().toString().equals("sales/a"))
            .findFirst().orElseThrow();
        assertThat(a.week()).isEqualTo(new Share(day.multipliedBy(6), day.multipliedBy(7)));
        assertThat(a.week().percent()).isEqualTo("85.7%");
        // 28 days: WARN for 18 days, PASS for 8 of the last 10 days, FAIL for one.
        assertThat(a.month()).isEqualTo(new Share(day.multipliedBy(9), day.multipliedBy(28)));
        SloReport.AssetFigures bFigures = report.assets().stream()
            .filter(f -> f.asset().toString().equals("sales/b")).findFirst().orElseThrow();
        assertThat(bFigures.week()).as("tracked only since its first evaluation")
            .isEqualTo(new Share(Duration.ZERO, day));
        assertThat(report.byMart().get("sales").week()).isEqualTo(new Share(day.multipliedBy(6), day.multipliedBy(8)));
        assertThat(report.byMart().get("sales").week().percent()).isEqualTo("75.0%");
        assertThat(report.byMart().get("sales").assets()).isEqualTo(3);
        assertThat(report.byOwner().get("team:ops").week().percent()).isEqualTo("0.0%");
        assertThat(report.byOwner().get("team:sales").week()).as("a and daily inherit the mart's owner")
            .isEqualTo(new Share(day.multipliedBy(6), day.multipliedBy(7)));
        assertThat(report.byOwner().get("team:sales").assets()).isEqualTo(2);
    }
}
