package dev.martello.core.automation;

import dev.martello.core.automation.jooq.JooqAutomationStore;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.observation.ObservationStore;
import dev.martello.core.observation.jooq.JooqObservationStore;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Mart;
import dev.martello.dsl.SourceKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Automation ticks on a real H2 metadata store, with time given explicitly to every tick. */
class AutomationEvaluatorTest {
    static final Instant T0 = Instant.parse("2026-03-02T05:00:00Z");
    static final SourceKey RAW = SourceKey.parse("raw.start");

    @TempDir
    Path dir;
    RunStore runs;
    ObservationStore observations;
    AutomationStore store;
    Metadata metadata;

    @BeforeEach
    void open() {
        runs = MetadataStores.h2(dir.resolve("metadata"));
        observations = JooqObservationStore.on(runs);
        store = JooqAutomationStore.on(runs);
        metadata = new Metadata(runs);
    }

    @AfterEach
    void close() {
        runs.close();
    }

    /** raw.start → chain/a → chain/b → chain/c, all eager, plus chain/d on cron 06:00 UTC reading a and raw.start. */
    static AssetGraph graph() {
        Mart chain = Mart.integrated("chain").owner("team:chain").source("raw.start")
            .asset("a", a -> a.automation(AutomationPolicy.eager()).sql("select * from {{ source('raw.start') }}"))
            .asset("b", a -> a.automation(AutomationPolicy.eager()).sql("select * from {{ ref('a') }}"))
            .asset("c", a -> a.automation(AutomationPolicy.eager()).sql("select * from {{ ref('b') }}"))
            .asset("d", a -> a.automation(AutomationPolicy.onCron("0 6 * * *", "UTC"))
                .sql("select * from {{ ref('a') }} join {{ source('raw.start') }} using (id)"))
            .asset("m", a -> a.automation(AutomationPolicy.onMissing()).sql("select * from {{ ref('a') }}"))
            .build();
        return AssetGraph.of(List.of(chain));
    }

    AutomationEvaluator evaluator() {
        return AutomationEvaluator.open(graph(), runs, observations, store);
    }

    static List<String> requested(TickResult tick) {
        return tick.requests().stream().map(r -> r.target().toString()).toList();
    }

    /** The requests of the eager chain a → b → c only. */
    static List<String> chain(TickResult tick) {
        return requested(tick).stream().filter(k -> k.matches("chain/[abc]")).toList();
    }

    String lastReason(String asset, Instant at) {
        return store.evaluations(AssetKey.parse(asset), at, 1).getFirst().describe();
    }

    @Test
    void anEagerChainIsRequestedInOneTickAsOneRun() {
        AutomationEvaluator automation = evaluator();

        TickResult first = automation.tick(T0);
        assertThat(requested(first)).as("b, c and m follow a, requested at the same tick")
            .containsExactly("chain/a", "chain/b", "chain/m", "chain/c");
        assertThat(first.requests().getFirst().trigger()).isEqualTo("automation");
        assertThat(first.requests().getFirst().reason())
            .isEqualTo("eager: never materialized and every upstream is present");
        assertThat(first.requests().get(1).reason())
            .isEqualTo("eager: upstream chain/a is requested at this tick; runs after it in the same run");
        assertThat(lastReason("chain/c", T0))
            .isEqualTo("requested: upstream chain/b is requested at this tick; runs after it in the same run");

        String run = metadata.queue(T0.plusSeconds(1), "chain/a", "chain/b", "chain/c", "chain/m");
        TickResult whileRunning = automation.tick(T0.plusSeconds(30));
        assertThat(requested(whileRunning)).as("requested once, not again while its run is queued").isEmpty();
        assertThat(whileRunning.evaluated()).isZero();

        metadata.succeed(run, T0.plusSeconds(40));
        TickResult settled = automation.tick(T0.plusSeconds(60));
        assertThat(requested(settled)).as("the run materialized them all: nothing newer upstream").isEmpty();
        TickResult idle = automation.tick(T0.plusSeconds(90));
        assertThat(idle.evaluated()).isZero();
        assertThat(idle.stored()).isEmpty();

        // A manual run of a: b and c follow in one tick again.
        metadata.materialize(T0.plusSeconds(100), "chain/a");
        TickResult after = automation.tick(T0.plusSeconds(120));
        assertThat(chain(after)).containsExactly("chain/b", "chain/c");
        assertThat(after.requests().getFirst().reason()).isEqualTo("eager: upstream chain/a updated at "
            + T0.plusSeconds(100) + ", after the last materialization at " + T0.plusSeconds(40));
    }

    @Test
    void newSourceDataIsAnUpstreamUpdate() {
        metadata.materialize(T0, "chain/a", "chain/b", "chain/c", "chain/m");
        AutomationEvaluator automation = evaluator();
        assertThat(requested(automation.tick(T0.plusSeconds(10)))).isEmpty();

        observations.record(RAW, T0.plusSeconds(20), "max(_loaded_at)=2026-03-02 05:00:20");
        TickResult tick = automation.tick(T0.plusSeconds(30));

        assertThat(requested(tick)).as("d: every upstream updated after yesterday's cron tick; b and c follow a")
            .containsExactlyInAnyOrder("chain/a", "chain/d", "chain/b", "chain/c");
        assertThat(tick.requests().stream().filter(r -> r.target().toString().equals("chain/a")).findFirst()
            .orElseThrow().reason()).isEqualTo("eager: upstream raw.start updated at "
            + T0.plusSeconds(20) + ", after the last materialization at " + T0);
        assertThat(tick.evaluated()).as("the source's downstream (a, d), then what follows a's request (b, m, c)")
            .isEqualTo(5);
    }

    @Test
    void noRunWhileAnUpstreamIsInProgressOrMissing() {
        metadata.materialize(T0, "chain/a");
        metadata.materialize(T0.plusSeconds(10), "chain/b");
        String again = metadata.queue(T0.plusSeconds(20), "chain/a");
        metadata.materialize(T0.plusSeconds(25), "chain/a"); // a manual run got there first; a is queued again
        AutomationEvaluator automation = evaluator();

        TickResult tick = automation.tick(T0.plusSeconds(30));
        assertThat(requested(tick)).as("c reads b, which is present and idle").containsExactly("chain/c");
        assertThat(lastReason("chain/b", T0.plusSeconds(30)))
            .isEqualTo("skipped: upstream chain/a is in progress (run " + again + ")");
        assertThat(lastReason("chain/a", T0.plusSeconds(30)))
            .isEqualTo("skipped: chain/a is already in progress (run " + again + ")");
        assertThat(lastReason("chain/m", T0.plusSeconds(30)))
            .isEqualTo("skipped: upstream chain/a is in progress (run " + again + ")");

        metadata.fail(again, T0.plusSeconds(40)); // no new data, but nothing is in progress any more
        assertThat(requested(automation.tick(T0.plusSeconds(50))))
            .as("c follows b in the same run").containsExactlyInAnyOrder("chain/b", "chain/m", "chain/c");
    }

    @Test
    void failedRequestsAreNotRepeatedUntilSomethingNewArrives() {
        AutomationEvaluator automation = evaluator();
        assertThat(requested(automation.tick(T0))).containsExactly("chain/a", "chain/b", "chain/m", "chain/c");
        metadata.fail(metadata.queue(T0.plusSeconds(1), "chain/a", "chain/b", "chain/m", "chain/c"),
            T0.plusSeconds(5));

        assertThat(requested(automation.tick(T0.plusSeconds(30)))).isEmpty();

        AutomationEvaluator restarted = evaluator(); // looks at everything once, remembering the request
        assertThat(requested(restarted.tick(T0.plusSeconds(60)))).isEmpty();
        assertThat(lastReason("chain/a", T0.plusSeconds(60))).isEqualTo("skipped: requested at " + T0
            + " and still missing; waiting for an upstream update before asking again");
        observations.record(RAW, T0.plusSeconds(70), "rows=10");
        assertThat(requested(restarted.tick(T0.plusSeconds(80)))).as("a, and what follows it at the same tick")
            .containsExactlyInAnyOrder("chain/a", "chain/b", "chain/m", "chain/c", "chain/d");
    }

    @Test
    void onCronWaitsForEveryUpstreamToUpdateAfterTheTickThenRequestsOnce() {
        metadata.materialize(T0, "chain/a", "chain/b", "chain/c", "chain/d", "chain/m");
        observations.record(RAW, T0, "rows=1");
        AutomationEvaluator automation = evaluator();
        Instant six = Instant.parse("2026-03-02T06:00:00Z");

        automation.tick(six.minusSeconds(60));
        assertThat(requested(automation.tick(six))).isEmpty();
        assertThat(lastReason("chain/d", six)).isEqualTo("skipped: waiting for upstream chain/a to update after the "
            + "cron tick at " + six + " (last update: " + T0 + ")");

        metadata.materialize(six.plusSeconds(600), "chain/a");
        automation.tick(six.plusSeconds(660)); // a's downstream: b is requested, d still waits for raw.start
        assertThat(lastReason("chain/d", six.plusSeconds(660))).isEqualTo("skipped: waiting for upstream raw.start "
            + "to update after the cron tick at " + six + " (last update: " + T0 + ")");

        observations.record(RAW, six.plusSeconds(700), "rows=2");
        TickResult ready = automation.tick(six.plusSeconds(720));
        assertThat(requested(ready)).contains("chain/d");
        assertThat(lastReason("chain/d", six.plusSeconds(720)))
            .isEqualTo("requested: every upstream updated after the cron tick at " + six);

        observations.record(RAW, six.plusSeconds(800), "rows=3");
        TickResult again = automation.tick(six.plusSeconds(900));
        assertThat(requested(again)).doesNotContain("chain/d");
        assertThat(lastReason("chain/d", six.plusSeconds(900)))
            .isEqualTo("skipped: already requested for the cron tick at " + six);

        Instant nextSix = six.plusSeconds(86_400);
        automation.tick(nextSix);
        assertThat(lastReason("chain/d", nextSix)).startsWith("skipped: waiting for upstream chain/a to update after"
            + " the cron tick at " + nextSix);
    }

    @Test
    void onMissingRequestsOnlyWhatWasNeverMaterialized() {
        metadata.materialize(T0, "chain/a");
        AutomationEvaluator automation = evaluator();

        assertThat(requested(automation.tick(T0.plusSeconds(10)))).contains("chain/m");
        assertThat(lastReason("chain/m", T0.plusSeconds(10)))
            .isEqualTo("requested: missing and every upstream is present");
        metadata.materialize(T0.plusSeconds(20), "chain/m");
        metadata.materialize(T0.plusSeconds(30), "chain/a");

        automation.tick(T0.plusSeconds(40));
        assertThat(lastReason("chain/m", T0.plusSeconds(40)))
            .isEqualTo("skipped: not missing: materialized at " + T0.plusSeconds(20));
    }

    @Test
    void aRepeatedDecisionIsStoredOnce() {
        metadata.materialize(T0, "chain/a");
        String queued = metadata.queue(T0.plusSeconds(5), "chain/a");
        AutomationEvaluator automation = evaluator();

        automation.tick(T0.plusSeconds(10));
        TickResult second = automation.tick(T0.plusSeconds(20));

        assertThat(second.evaluated()).as("waiting assets are looked at again").isPositive();
        assertThat(second.stored()).isEmpty();
        assertThat(store.evaluations(AssetKey.parse("chain/b"), T0.plusSeconds(20), 10))
            .extracting(Evaluation::describe)
            .containsExactly("skipped: upstream chain/a is in progress (run " + queued + ")");
    }
}
