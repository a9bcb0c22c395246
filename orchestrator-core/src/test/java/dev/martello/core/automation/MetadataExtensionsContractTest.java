package dev.martello.core.automation;

import dev.martello.core.automation.jooq.JooqAutomationStore;
import dev.martello.core.freshness.FreshnessStatus;
import dev.martello.core.freshness.FreshnessStore;
import dev.martello.core.freshness.FreshnessTransition;
import dev.martello.core.freshness.jooq.JooqFreshnessStore;
import dev.martello.core.observation.MaterializationEntry;
import dev.martello.core.observation.ObservationStore;
import dev.martello.core.observation.SourceObservation;
import dev.martello.core.observation.jooq.JooqObservationStore;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.SourceKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the automation, observation and freshness stores must do on every metadata database; one subclass per
 * backend (H2, PostgreSQL) runs it against a real one.
 */
abstract class MetadataExtensionsContractTest {
    static final Instant T0 = Instant.parse("2026-03-02T06:00:00.123456Z");
    static final SourceKey ORDERS = SourceKey.parse("raw.orders");
    static final SourceKey USERS = SourceKey.parse("raw.users");
    static final AssetPartition A = Metadata.target("m/a");
    static final AssetPartition B = Metadata.target("m/b[2026-03-01]");

    RunStore runs;
    Metadata metadata;

    abstract RunStore openStore();

    @BeforeEach
    void open() {
        runs = openStore();
        metadata = new Metadata(runs);
    }

    @AfterEach
    void closeStore() {
        runs.close();
    }

    @Test
    void sourceObservationsAreReadInIdOrderAndTheLatestPerSource() {
        ObservationStore store = JooqObservationStore.on(runs);
        assertThat(store.lastObservationId()).isZero();
        SourceObservation first = store.record(ORDERS, T0, "rows=1");
        SourceObservation second = store.record(USERS, T0.plusSeconds(1), "rows=5");
        SourceObservation third = store.record(ORDERS, T0.plusSeconds(2), "rows=2");

        assertThat(List.of(first.id(), second.id(), third.id())).isSorted().doesNotHaveDuplicates();
        assertThat(store.lastObservationId()).isEqualTo(third.id());
        assertThat(store.observationsAfter(first.id(), 10)).containsExactly(second, third);
        assertThat(store.observationsAfter(0, 1)).containsExactly(first);
        assertThat(store.latestObservations()).isEqualTo(Map.of(ORDERS, third, USERS, second));
    }

    @Test
    void theMaterializationFeedReadsOnlyMaterializationsInEventOrder() {
        ObservationStore store = JooqObservationStore.on(runs);
        assertThat(store.lastEventId()).isZero();
        String run = metadata.queue(T0, "m/a", "m/b[2026-03-01]");
        runs.appendEvents(List.of(new RunEvent.RunStarted(run, T0)));
        metadata.succeed(run, T0.plusSeconds(5));

        List<MaterializationEntry> feed = store.materializationsAfter(0, 10);
        assertThat(feed).extracting(MaterializationEntry::target).containsExactlyInAnyOrder(A, B);
        assertThat(feed).extracting(MaterializationEntry::at).containsOnly(T0.plusSeconds(5));
        assertThat(feed.get(1).eventId()).isGreaterThan(feed.get(0).eventId());
        assertThat(store.materializationsAfter(feed.get(1).eventId(), 10)).isEmpty();
        assertThat(store.lastEventId()).isGreaterThanOrEqualTo(feed.get(1).eventId());
    }

    @Test
    void inProgressIsAPendingOrRunningStepOfAQueuedOrStartedRun() {
        AutomationStore store = JooqAutomationStore.on(runs);
        String queued = metadata.queue(T0, "m/a");
        String started = metadata.queue(T0, "m/b[2026-03-01]", "m/c", "m/d");
        runs.updateRunStatus(started, RunStatus.STARTED, T0, "");
        runs.upsertSteps(List.of(
            new Step(started, AssetKey.parse("m/c"), "", StepStatus.RUNNING, 1, T0, null, null, ""),
            new Step(started, AssetKey.parse("m/d"), "", StepStatus.SUCCEEDED, 1, T0, T0, null, "")));
        metadata.fail(metadata.queue(T0, "m/e"), T0); // its step stays PENDING, but the run is over

        assertThat(store.inProgress()).isEqualTo(Map.of(A, queued, B, started, Metadata.target("m/c"), started));
    }

    @Test
    void evaluationsAreReadNewestFirstAtOrBeforeAnInstant() {
        AutomationStore store = JooqAutomationStore.on(runs);
        Evaluation requested = new Evaluation(A, T0, "on cron '0 6 * * *' UTC", Decision.REQUESTED,
            "every upstream updated after the cron tick at 2026-03-02T06:00:00Z", T0.minusMillis(123).minusNanos(456_000));
        Evaluation skipped = new Evaluation(A, T0.plusSeconds(60), "on cron '0 6 * * *' UTC", Decision.SKIPPED,
            "already requested for the cron tick", null);
        Evaluation other = new Evaluation(B, T0.plusSeconds(30), "eager", Decision.REQUESTED, "x", null);
        store.record(List.of(requested, other, skipped));

        assertThat(store.evaluations(A.asset(), T0.plusSeconds(60), 10)).containsExactly(skipped, requested);
        assertThat(store.evaluations(A.asset(), T0.plusSeconds(59), 10)).containsExactly(requested);
        assertThat(store.evaluations(A.asset(), T0.minusSeconds(1), 10)).isEmpty();
        assertThat(store.lastRequests()).isEqualTo(Map.of(A, requested, B, other));
    }

    @Test
    void freshnessTransitionsGiveTheLatestStatusAndTheWholeAssetHistoryOfAWindow() {
        FreshnessStore store = JooqFreshnessStore.on(runs);
        AssetPartition whole = AssetPartition.unpartitioned(B.asset());
        FreshnessTransition a1 = new FreshnessTransition(A, T0, null, FreshnessStatus.PASS, "ok");
        FreshnessTransition a2 = new FreshnessTransition(A, T0.plusSeconds(100), FreshnessStatus.PASS,
            FreshnessStatus.FAIL, "late");
        FreshnessTransition a3 = new FreshnessTransition(A, T0.plusSeconds(200), FreshnessStatus.FAIL,
            FreshnessStatus.PASS, "ok");
        FreshnessTransition b1 = new FreshnessTransition(B, T0, null, FreshnessStatus.WARN, "partition");
        FreshnessTransition w1 = new FreshnessTransition(whole, T0.plusSeconds(50), null, FreshnessStatus.WARN,
            "partition 2026-03-01: …");
        store.record(List.of(a1, b1, w1, a2, a3));

        assertThat(store.latest()).isEqualTo(Map.of(A, a3, B, b1, whole, w1));
        assertThat(store.assetHistory(T0.plusSeconds(150), T0.plusSeconds(300))).containsExactly(w1, a2, a3);
        assertThat(store.assetHistory(T0.plusSeconds(10), T0.plusSeconds(120))).containsExactly(a1, w1, a2);
    }
}
