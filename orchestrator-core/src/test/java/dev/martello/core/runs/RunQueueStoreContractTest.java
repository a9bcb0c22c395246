package dev.martello.core.runs;

import dev.martello.core.runs.RunEvent.Log;
import dev.martello.core.runs.RunEvent.RunFinished;
import dev.martello.core.runs.RunEvent.RunStarted;
import dev.martello.core.runs.RunEvent.StepFailed;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.dsl.AssetKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import static dev.martello.core.runs.RunStoreContractTest.inParallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every {@link RunStore} backend must do for the run queue and node ownership: claims within limits (also when
 * claimers on several nodes race), heartbeats, recovery of dead nodes' runs, requeueing, cancel of queued runs, and
 * the queue's queries. One subclass per database runs it against a real one; "nodes" are separate stores on it.
 */
abstract class RunQueueStoreContractTest {
    static final AssetKey ORDERS = AssetKey.parse("commerce/orders");
    static final AssetKey GMV = AssetKey.parse("core/gmv_daily");
    static final Instant T0 = Instant.parse("2025-03-01T06:00:00.123456Z");
    static final AssetPartition ORDERS_ALL = AssetPartition.unpartitioned(ORDERS);
    static final AssetPartition GMV_D1 = new AssetPartition(GMV, "2025-03-01");
    static final AssetPartition GMV_D2 = new AssetPartition(GMV, "2025-03-02");
    static final QueueLimits UNLIMITED = new QueueLimits(1_000, Map.of());
    static final String REASON = "node n1 stopped sending heartbeats";

    RunStore store;
    private final List<RunStore> others = new ArrayList<>();

    /** Prepares a new, empty database for one test. */
    abstract void createDatabase();

    /** Opens a store on this test's database; calling it again opens the same database again. */
    abstract RunStore openStore();

    @BeforeEach
    void open() {
        createDatabase();
        store = openStore();
    }

    @AfterEach
    void close() {
        others.forEach(RunStore::close);
        store.close();
    }

    /** A second store on the same database, as another node has. */
    RunStore otherNode() {
        RunStore other = openStore();
        others.add(other);
        return other;
    }

    @Test
    void aRunKeepsItsQueueingFieldsAndIsCreatedWithItsStepsInOneTransaction() {
        Run run = queued("w", T0, 7, List.of("heavy", "nightly")).withQueueing(7, List.of("heavy", "nightly"),
            "r-earlier", 3).withNode("n1");
        store.createRun(run, List.of(Step.pending(run.id(), ORDERS_ALL), Step.pending(run.id(), GMV_D1)));

        assertThat(store.run(run.id())).contains(run);
        assertThat(store.steps(run.id())).containsExactly(Step.pending(run.id(), ORDERS_ALL),
            Step.pending(run.id(), GMV_D1));

        Run broken = queued("w", T0, 0, List.of());
        assertThatThrownBy(() -> store.createRun(broken, List.of(Step.pending(broken.id(), GMV_D1),
            Step.pending(broken.id(), GMV_D1)))).as("the same step twice").isInstanceOf(RuntimeException.class);
        assertThat(store.run(broken.id())).as("no run without its steps").isEmpty();
        assertThat(store.steps(broken.id())).isEmpty();
    }

    @Test
    void aClaimTakesHigherPriorityFirstThenOldestAndStartsThemForItsNode() {
        Run old = create(queued("w", T0, 0, List.of()));
        Run urgent = create(queued("w", T0.plusSeconds(2), 5, List.of()));
        Run young = create(queued("w", T0.plusSeconds(1), 0, List.of()));
        Run elsewhere = create(queued("other", T0, 9, List.of()));
        Instant now = T0.plusSeconds(10);

        List<Run> claimed = store.claimQueuedRuns("w", "n1", new QueueLimits(2, Map.of()), now);

        assertThat(claimed).extracting(Run::id).containsExactly(urgent.id(), old.id());
        assertThat(claimed).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.STARTED);
            assertThat(r.node()).isEqualTo("n1");
            assertThat(r.startedAt()).isEqualTo(now);
            assertThat(store.run(r.id())).contains(r);
        });
        assertThat(store.claimQueuedRuns("w", "n2", new QueueLimits(2, Map.of()), now))
            .as("both started runs count against the limit").isEmpty();
        assertThat(store.run(young.id())).map(Run::status).contains(RunStatus.QUEUED);
        assertThat(store.run(elsewhere.id())).map(Run::status).contains(RunStatus.QUEUED);

        store.updateRunStatus(urgent.id(), RunStatus.SUCCEEDED, now.plusSeconds(1), "");
        assertThat(store.claimQueuedRuns("w", "n2", new QueueLimits(2, Map.of()), now.plusSeconds(2)))
            .extracting(Run::id, Run::node).containsExactly(tuple(young.id(), "n2"));
        assertThat(store.claimQueuedRuns("w", "n2", UNLIMITED, now)).isEmpty();
    }

    @Test
    void aRunWhosePoolIsFullWaitsWhileRunsOfOtherPoolsGoAhead() {
        QueueLimits limits = new QueueLimits(10, Map.of("heavy", 1, "nightly", 2));
        Run heavy1 = create(queued("w", T0, 9, List.of("heavy")));
        Run heavy2 = create(queued("w", T0.plusSeconds(1), 9, List.of("heavy", "nightly")));
        Run nightly = create(queued("w", T0.plusSeconds(2), 1, List.of("nightly")));
        Run free = create(queued("w", T0.plusSeconds(3), 0, List.of("unlimited")));

        assertThat(store.claimQueuedRuns("w", "n1", limits, T0.plusSeconds(5))).extracting(Run::id)
            .containsExactly(heavy1.id(), nightly.id(), free.id());
        assertThat(store.claimQueuedRuns("w", "n1", limits, T0.plusSeconds(5))).isEmpty();

        store.updateRunStatus(heavy1.id(), RunStatus.FAILED, T0.plusSeconds(6), "");
        assertThat(store.claimQueuedRuns("w", "n1", limits, T0.plusSeconds(7))).extracting(Run::id)
            .containsExactly(heavy2.id());
    }

    @Test
    void twoNodesRacingForOneQueuedRunNeverBothWinIt() throws Exception {
        RunStore other = otherNode();
        for (int round = 0; round < 15; round++) {
            Run run = create(queued("w", T0.plusSeconds(round), 0, List.of()));
            CyclicBarrier start = new CyclicBarrier(4);
            List<Callable<List<Run>>> claimers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RunStore node = i % 2 == 0 ? store : other;
                String name = "n" + i;
                claimers.add(() -> {
                    start.await();
                    return node.claimQueuedRuns("w", name, UNLIMITED, T0);
                });
            }
            List<List<Run>> results = inParallel(claimers);

            List<Run> won = results.stream().flatMap(List::stream).toList();
            assertThat(won).as("round " + round).extracting(Run::id).containsExactly(run.id());
            assertThat(store.run(run.id())).map(Run::node).contains(won.getFirst().node());
        }
    }

    @Test
    void racingClaimersNeverStartMoreThanTheLimitOrOneRunTwice() throws Exception {
        RunStore other = otherNode();
        List<String> queued = IntStream.range(0, 30)
            .mapToObj(i -> create(queued("w", T0.plusMillis(i), 0, List.of(i % 2 == 0 ? "even" : "odd"))).id())
            .toList();
        QueueLimits limits = new QueueLimits(5, Map.of("even", 2));
        CyclicBarrier start = new CyclicBarrier(8);
        List<Callable<List<String>>> claimers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RunStore node = i % 2 == 0 ? store : other;
            String name = "n" + i;
            claimers.add(() -> {
                start.await();
                List<String> mine = new ArrayList<>();
                for (int attempt = 0; attempt < 5; attempt++) {
                    node.claimQueuedRuns("w", name, limits, T0).forEach(r -> mine.add(r.id()));
                }
                return mine;
            });
        }

        List<String> claimed = inParallel(claimers).stream().flatMap(List::stream).toList();

        assertThat(claimed).hasSize(5).doesNotHaveDuplicates();
        assertThat(queued).containsAll(claimed);
        List<Run> started = store.runsOf("w", RunStatus.STARTED, 100);
        assertThat(started).extracting(Run::id).containsExactlyInAnyOrderElementsOf(claimed);
        assertThat(started.stream().filter(r -> r.pools().contains("even"))).hasSize(2);
    }

    @Test
    void heartbeatsRecordANodeOnceAndMoveItsLastBeat() {
        store.heartbeat("n1", T0);
        store.heartbeat("n1", T0.plusSeconds(2));
        store.heartbeat("n2", T0.plusSeconds(1));

        assertThat(nodes()).isEqualTo(Map.of("n1", T0.plusSeconds(2), "n2", T0.plusSeconds(1)));
        store.removeNode("n2");
        store.removeNode("n-unknown");
        assertThat(nodes()).containsOnlyKeys("n1");
    }

    @Test
    void aDeadNodesRunsAreFailedWhileALiveNodesRunsAreLeftAlone() {
        store.heartbeat("n1", T0);
        store.heartbeat("n2", T0.plusSeconds(20));
        Run dead = claim("n1", T0);
        Run alive = claim("n2", T0.plusSeconds(1));
        Run waiting = create(queued("w", T0.plusSeconds(2), 0, List.of()));
        store.upsertSteps(List.of(
            new Step(dead.id(), ORDERS, "", StepStatus.SUCCEEDED, 1, T0, T0.plusSeconds(1), null, ""),
            new Step(dead.id(), GMV, GMV_D1.partition(), StepStatus.RUNNING, 1, T0.plusSeconds(1), null, null, "")));
        store.tryLockPartitions(dead.id(), List.of(GMV_D1));
        store.tryLockPartitions(alive.id(), List.of(GMV_D2));

        List<Run> recovered = store.recoverDeadNodes(T0.plusSeconds(10), REASON, InterruptedRunPolicy.FAIL);

        assertThat(recovered).extracting(Run::id, Run::status, Run::message)
            .containsExactly(tuple(dead.id(), RunStatus.FAILED, REASON));
        Instant at = recovered.getFirst().finishedAt();
        assertThat(store.steps(dead.id())).extracting(Step::asset, Step::status, Step::failure).containsExactly(
            tuple(ORDERS, StepStatus.SUCCEEDED, null),
            tuple(GMV, StepStatus.FAILED, FailureKind.ORCHESTRATOR));
        assertThat(store.events(dead.id())).containsExactly(
            new StepFailed(dead.id(), at, GMV, GMV_D1.partition(), FailureKind.ORCHESTRATOR, REASON),
            new RunFinished(dead.id(), at, RunStatus.FAILED, REASON));
        assertThat(store.lockHolders(List.of(GMV_D1, GMV_D2))).isEqualTo(Map.of(GMV_D2, alive.id()));
        assertThat(store.run(alive.id())).map(Run::status).contains(RunStatus.STARTED);
        assertThat(store.run(waiting.id())).map(Run::status).contains(RunStatus.QUEUED);
        assertThat(nodes()).as("the dead node is removed").containsOnlyKeys("n2");

        assertThat(store.recoverDeadNodes(T0.plusSeconds(10), REASON, InterruptedRunPolicy.FAIL)).isEmpty();
    }

    @Test
    void aDeadNodesRunIsRequeuedWithOnlyItsUnfinishedStepsPendingAgain() {
        store.heartbeat("n1", T0);
        Run dead = claim("n1", T0);
        Step done = new Step(dead.id(), ORDERS, "", StepStatus.SUCCEEDED, 1, T0, T0.plusSeconds(1), null, "");
        store.upsertSteps(List.of(done,
            new Step(dead.id(), GMV, GMV_D1.partition(), StepStatus.RUNNING, 2, T0.plusSeconds(1), null, null, ""),
            Step.pending(dead.id(), GMV_D2)));
        store.tryLockPartitions(dead.id(), List.of(GMV_D1, GMV_D2));

        List<Run> recovered = store.recoverDeadNodes(T0.plusSeconds(10), REASON, InterruptedRunPolicy.REQUEUE);

        assertThat(recovered).hasSize(1);
        Run requeued = recovered.getFirst();
        assertThat(requeued.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(requeued.node()).isNull();
        assertThat(requeued.startedAt()).isNull();
        assertThat(requeued.finishedAt()).isNull();
        assertThat(requeued.message()).isEqualTo("requeued: " + REASON);
        assertThat(store.steps(dead.id())).containsExactly(done,
            new Step(dead.id(), GMV, GMV_D1.partition(), StepStatus.PENDING, 2, null, null, null,
                "requeued: " + REASON),
            Step.pending(dead.id(), GMV_D2));
        assertThat(store.events(dead.id())).singleElement().isInstanceOfSatisfying(Log.class, log -> {
            assertThat(log.level()).isEqualTo(Log.Level.WARN);
            assertThat(log.message()).isEqualTo("requeued: " + REASON);
        });
        assertThat(store.lockHolders(List.of(GMV_D1, GMV_D2))).isEmpty();

        List<Run> again = store.claimQueuedRuns("c", "n2", UNLIMITED, T0.plusSeconds(11));
        assertThat(again).extracting(Run::id).containsExactly(dead.id());
        assertThat(again.getFirst().node()).isEqualTo("n2");
    }

    @Test
    void runsOfAnUnknownOrRemovedNodeAreRecoveredButNotThoseOfAFreshNode() {
        store.heartbeat("n1", T0.plusSeconds(20));
        store.heartbeat("gone", T0.plusSeconds(20));
        Run unknown = claim("never-beat", T0);
        Run removed = claim("gone", T0.plusSeconds(1));
        Run fresh = claim("n1", T0.plusSeconds(2));
        store.removeNode("gone");

        assertThat(store.recoverDeadNodes(T0.plusSeconds(10), REASON, InterruptedRunPolicy.FAIL))
            .extracting(Run::id).containsExactly(unknown.id(), removed.id());
        assertThat(store.run(fresh.id())).map(Run::status).contains(RunStatus.STARTED);
    }

    @Test
    void twoNodesRecoveringAtOnceRecoverEachRunOnce() throws Exception {
        RunStore other = otherNode();
        store.heartbeat("dead", T0);
        List<String> runs = IntStream.range(0, 6).mapToObj(i -> claim("dead", T0.plusMillis(i)).id()).toList();
        runs.forEach(id -> store.upsertStep(Step.pending(id, GMV_D1)));
        CyclicBarrier start = new CyclicBarrier(2);

        List<List<Run>> recovered = inParallel(List.<Callable<List<Run>>>of(
            () -> {
                start.await();
                return store.recoverDeadNodes(T0.plusSeconds(10), REASON, InterruptedRunPolicy.FAIL);
            },
            () -> {
                start.await();
                return other.recoverDeadNodes(T0.plusSeconds(10), REASON, InterruptedRunPolicy.FAIL);
            }));

        assertThat(recovered.stream().flatMap(List::stream).map(Run::id).toList())
            .containsExactlyInAnyOrderElementsOf(runs);
        for (String id : runs) {
            assertThat(store.events(id)).filteredOn(RunFinished.class::isInstance).as(id).hasSize(1);
            assertThat(store.events(id)).filteredOn(StepFailed.class::isInstance).as(id).hasSize(1);
        }
    }

    @Test
    void interruptedRunsOfTheOnlyProcessCanBeRequeuedToo() {
        Run interrupted = claim("n1", T0);
        store.upsertStep(new Step(interrupted.id(), GMV, GMV_D1.partition(), StepStatus.RUNNING, 1, T0, null, null,
            ""));
        store.appendEvents(List.of(new RunStarted(interrupted.id(), T0)));

        assertThat(store.recoverInterruptedRuns("stopped", InterruptedRunPolicy.REQUEUE))
            .extracting(Run::id, Run::status).containsExactly(
                tuple(interrupted.id(), RunStatus.QUEUED));
        assertThat(store.steps(interrupted.id())).extracting(Step::status).containsExactly(StepStatus.PENDING);
        assertThat(store.recoverInterruptedRuns("stopped", InterruptedRunPolicy.REQUEUE)).isEmpty();
    }

    @Test
    void onlyAQueuedRunCanBeCanceledAsQueuedAndItsPendingStepsWithIt() {
        Run waiting = create(queued("w", T0, 0, List.of()));
        store.upsertSteps(List.of(Step.pending(waiting.id(), ORDERS_ALL), Step.pending(waiting.id(), GMV_D1)));
        Run started = claim("n1", T0.plusSeconds(1));
        Instant at = T0.plusSeconds(5);

        assertThat(store.cancelQueued(waiting.id(), at, "canceled while queued")).isTrue();

        assertThat(store.run(waiting.id())).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.CANCELED);
            assertThat(r.finishedAt()).isEqualTo(at);
            assertThat(r.message()).isEqualTo("canceled while queued");
        });
        assertThat(store.steps(waiting.id())).containsExactly(
            new Step(waiting.id(), ORDERS, "", StepStatus.CANCELED, 0, null, at, FailureKind.CANCELED,
                "canceled while queued"),
            new Step(waiting.id(), GMV, GMV_D1.partition(), StepStatus.CANCELED, 0, null, at, FailureKind.CANCELED,
                "canceled while queued"));
        assertThat(store.events(waiting.id())).containsExactly(
            new RunFinished(waiting.id(), at, RunStatus.CANCELED, "canceled while queued"));
        assertThat(store.claimQueuedRuns("w", "n1", UNLIMITED, at)).isEmpty();

        assertThat(store.cancelQueued(waiting.id(), at, "again")).as("already canceled").isFalse();
        assertThat(store.cancelQueued(started.id(), at, "too late")).as("started").isFalse();
        assertThat(store.run(started.id())).map(Run::status).contains(RunStatus.STARTED);
        assertThat(store.cancelQueued("rnosuchrun", at, "x")).isFalse();
    }

    @Test
    void aCancelRequestedOnOneNodeIsSeenByTheNodeExecutingTheRun() {
        RunStore other = otherNode();
        Run executing = claim("n1", T0);
        Run alsoExecuting = claim("n1", T0.plusSeconds(1));
        Run waiting = create(queued("c", T0.plusSeconds(2), 0, List.of()));

        assertThat(store.cancelRequested(List.of(executing.id(), alsoExecuting.id()))).isEmpty();
        assertThat(other.requestCancel(executing.id(), T0.plusSeconds(3))).isTrue();
        assertThat(other.requestCancel(waiting.id(), T0.plusSeconds(3))).as("queued: cancelQueued's job").isFalse();
        assertThat(other.requestCancel("rnosuchrun", T0.plusSeconds(3))).isFalse();

        assertThat(store.cancelRequested(List.of(executing.id(), alsoExecuting.id(), waiting.id())))
            .containsExactly(executing.id());
        assertThat(store.run(executing.id())).map(Run::status).as("only asked; the owner cancels")
            .contains(RunStatus.STARTED);
        assertThat(store.cancelRequested(List.of())).isEmpty();

        store.updateRunStatus(executing.id(), RunStatus.CANCELED, T0.plusSeconds(4), "canceled");
        assertThat(store.cancelRequested(List.of(executing.id()))).as("a finished run is no longer asked").isEmpty();
        assertThat(other.requestCancel(executing.id(), T0.plusSeconds(5))).isFalse();
    }

    @Test
    void runsOfListsAWorkspacesRunsOfOneStatusOldestFirst() {
        Run second = create(queued("w", T0.plusSeconds(1), 9, List.of()));
        Run first = create(queued("w", T0, 0, List.of()));
        Run third = create(queued("w", T0.plusSeconds(2), 0, List.of()));
        create(queued("other", T0, 0, List.of()));
        Run started = create(queued("w", T0.plusSeconds(3), 0, List.of()));
        store.updateRunStatus(started.id(), RunStatus.STARTED, T0.plusSeconds(4), "");

        assertThat(store.runsOf("w", RunStatus.QUEUED, 10)).extracting(Run::id)
            .containsExactly(first.id(), second.id(), third.id());
        assertThat(store.runsOf("w", RunStatus.QUEUED, 2)).extracting(Run::id).containsExactly(first.id(), second.id());
        assertThat(store.runsOf("w", RunStatus.STARTED, 10)).extracting(Run::id).containsExactly(started.id());
        assertThat(store.runsOf("nowhere", RunStatus.QUEUED, 10)).isEmpty();
    }

    @Test
    void runsByTriggerMatchTheTriggerExactlyOldestFirst() {
        Run chunk2 = create(new Run("b1-00002", "w", "days/d", List.of("2025-03-02"), RunStatus.QUEUED, "backfill:b1",
            T0.plusSeconds(1), null, null, ""));
        Run chunk1 = create(new Run("b1-00001", "w", "days/d", List.of("2025-03-01"), RunStatus.QUEUED, "backfill:b1",
            T0, null, null, ""));
        create(new Run("b10-00001", "w", "days/d", List.of(), RunStatus.QUEUED, "backfill:b10", T0, null, null, ""));

        assertThat(store.runsByTrigger("backfill:b1")).containsExactly(chunk1, chunk2);
        assertThat(store.runsByTrigger("backfill:b")).isEmpty();
    }

    Run queued(String workspace, Instant createdAt, int priority, List<String> pools) {
        return new Run(RunIds.next(createdAt), workspace, "commerce/orders", List.of(), RunStatus.QUEUED, "manual",
            createdAt, null, null, "").withQueueing(priority, pools, null, 1);
    }

    Run create(Run run) {
        store.createRun(run);
        return run;
    }

    /** A run of workspace {@code c}, queued and claimed by {@code node} at {@code at}. */
    Run claim(String node, Instant at) {
        Run run = create(new Run(RunIds.next(at), "c", "core/gmv_daily", List.of(), RunStatus.QUEUED, "manual", at,
            null, null, ""));
        List<Run> claimed = store.claimQueuedRuns("c", node, UNLIMITED, at);
        assertThat(claimed).extracting(Run::id).containsExactly(run.id());
        return claimed.getFirst();
    }

    /** Each recorded node's last heartbeat. */
    Map<String, Instant> nodes() {
        Map<String, Instant> nodes = new HashMap<>();
        MetadataStores.database(store).fetch("select id, heartbeat_at from node")
            .forEach(r -> nodes.put(r.get(0, String.class), r.get(1, OffsetDateTime.class).toInstant()));
        return nodes;
    }
}
