package dev.martello.core.runs;

import dev.martello.core.runs.RunEvent.CheckEvaluated;
import dev.martello.core.runs.RunEvent.Log;
import dev.martello.core.runs.RunEvent.Materialized;
import dev.martello.core.runs.RunEvent.RunFinished;
import dev.martello.core.runs.RunEvent.RunStarted;
import dev.martello.core.runs.RunEvent.StepFailed;
import dev.martello.core.runs.RunEvent.StepSkipped;
import dev.martello.core.runs.RunEvent.StepStarted;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link RunStore} backend must do; one subclass per database runs it against a real one. */
abstract class RunStoreContractTest {
    static final AssetKey ORDERS = AssetKey.parse("commerce/orders");
    static final AssetKey GMV = AssetKey.parse("core/gmv_daily");
    static final Instant T0 = Instant.parse("2025-03-01T06:00:00.123456Z");
    static final AssetPartition ORDERS_ALL = AssetPartition.unpartitioned(ORDERS);
    static final AssetPartition GMV_D1 = new AssetPartition(GMV, "2025-03-01");
    static final AssetPartition GMV_D2 = new AssetPartition(GMV, "2025-03-02");

    RunStore store;

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
        store.close();
    }

    @Test
    void createsAndReadsBackARun() {
        Run run = new Run(RunIds.next(T0), "demo", "+core/gmv_daily", List.of("2025-03-01", "2025-03-02"),
            RunStatus.QUEUED, "backfill:b1", T0, null, null, "");
        store.createRun(run);

        assertThat(store.run(run.id())).contains(run);
        assertThat(store.run("rnosuchrun")).isEmpty();
    }

    @Test
    void listsNewestRunsFirstWithALimitAndAStatusFilter() {
        Run first = queued(T0);
        Run second = queued(T0.plusSeconds(1));
        Run third = queued(T0.plusSeconds(2));
        List.of(first, second, third).forEach(store::createRun);
        store.updateRunStatus(second.id(), RunStatus.STARTED, T0.plusSeconds(3), "");

        assertThat(store.runs(10)).extracting(Run::id).containsExactly(third.id(), second.id(), first.id());
        assertThat(store.runs(2)).extracting(Run::id).containsExactly(third.id(), second.id());
        assertThat(store.runs(10, RunStatus.STARTED)).extracting(Run::id).containsExactly(second.id());
        assertThat(store.runs(10, RunStatus.FAILED)).isEmpty();
    }

    @Test
    void statusUpdatesSetTimestampsAndTerminalStatesAreFinal() {
        Run run = queued(T0);
        store.createRun(run);
        Instant started = T0.plusSeconds(1);
        Instant finished = T0.plusSeconds(9);

        assertThat(store.updateRunStatus(run.id(), RunStatus.STARTED, started, null)).isTrue();
        assertThat(store.updateRunStatus(run.id(), RunStatus.SUCCEEDED, finished, "3 assets materialized")).isTrue();
        assertThat(store.updateRunStatus(run.id(), RunStatus.FAILED, finished.plusSeconds(1), "late")).isFalse();
        assertThat(store.updateRunStatus("rnosuchrun", RunStatus.STARTED, started, "")).isFalse();

        assertThat(store.run(run.id())).contains(new Run(run.id(), "demo", "commerce/orders", List.of(),
            RunStatus.SUCCEEDED, "manual", T0, started, finished, "3 assets materialized"));
    }

    @Test
    void upsertsStepsAndListsStartedOnesFirst() {
        Run run = started(T0);
        store.upsertSteps(List.of(Step.pending(run.id(), GMV_D1), Step.pending(run.id(), ORDERS_ALL)));
        Step ordersDone = new Step(run.id(), ORDERS, "", StepStatus.SUCCEEDED, 1, T0.plusSeconds(1),
            T0.plusSeconds(2), null, "");
        store.upsertStep(new Step(run.id(), ORDERS, "", StepStatus.RUNNING, 1, T0.plusSeconds(1), null, null, ""));
        store.upsertStep(ordersDone);

        assertThat(store.steps(run.id())).containsExactly(ordersDone, Step.pending(run.id(), GMV_D1));

        Step gmvFailed = new Step(run.id(), GMV, "2025-03-01", StepStatus.FAILED, 3, T0.plusSeconds(3),
            T0.plusSeconds(4), FailureKind.WAREHOUSE, "Table \"ORDERS\" not found");
        store.upsertStep(gmvFailed);
        assertThat(store.steps(run.id())).containsExactly(ordersDone, gmvFailed);
        assertThat(store.steps("rnosuchrun")).isEmpty();
    }

    @Test
    void appendWritesEventsStateAndStepRowsInOneTransaction() {
        Run run = started(T0);
        Step done = new Step(run.id(), ORDERS, "", StepStatus.SUCCEEDED, 1, T0, T0.plusSeconds(1), null, "");
        RunEvent materialized = new RunEvent.Materialized(run.id(), T0.plusSeconds(1), ORDERS, "", 4, 5, "c1",
            run.id() + "/orders", Map.of());
        store.append(List.of(materialized), List.of(done));

        assertThat(store.events(run.id())).containsExactly(materialized);
        assertThat(store.steps(run.id())).containsExactly(done);
        assertThat(store.latestState(ORDERS, "")).isPresent();

        // A step of a run that does not exist breaks the run_step foreign key: nothing of the batch is written.
        RunEvent log = RunEvent.Log.run(run.id(), T0.plusSeconds(2), RunEvent.Log.Level.INFO, "lost with its batch");
        Step orphan = new Step("rnosuchrun", ORDERS, "", StepStatus.SUCCEEDED, 1, T0, T0, null, "");
        Step gmvDone = new Step(run.id(), GMV, "2025-03-01", StepStatus.SUCCEEDED, 1, T0, T0, null, "");
        assertThatThrownBy(() -> store.append(List.of(log), List.of(gmvDone, orphan)));

        assertThat(store.events(run.id())).containsExactly(materialized);
        assertThat(store.steps(run.id())).containsExactly(done);
    }

    @Test
    void roundTripsEveryEventTypeInOrder() {
        Run run = started(T0);
        Run other = started(T0);
        List<RunEvent> events = everyEventType(run.id());
        store.appendEvents(List.of(new RunStarted(other.id(), T0)));
        store.appendEvents(events);

        assertThat(store.events(run.id())).containsExactlyElementsOf(events);
        assertThat(store.events(other.id())).containsExactly(new RunStarted(other.id(), T0));
    }

    @Test
    void keepsTheOrderOfEventsAcrossBatches() {
        Run run = started(T0);
        List<RunEvent> all = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<RunEvent> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                // Equal and even decreasing times: the order is the order of appending, not of timestamps.
                events.add(Log.run(run.id(), T0.minusSeconds(batch), Log.Level.INFO, "batch " + batch + " #" + i));
            }
            store.appendEvents(events);
            all.addAll(events);
        }
        store.appendEvents(List.of());

        assertThat(store.events(run.id())).containsExactlyElementsOf(all);
    }

    @Test
    void aMaterializationRecordsTheLatestStateOfItsPartition() {
        Run run = started(T0);
        Materialized orders = materialized(run.id(), ORDERS_ALL, "c1", "d1", Map.of());
        Materialized day1 = materialized(run.id(), GMV_D1, "c2", "d2", Map.of("commerce/orders", "d1"));
        Materialized day2 = materialized(run.id(), GMV_D2, "c2", "d3", Map.of("commerce/orders", "d1"));
        store.appendEvents(List.of(orders, day1, day2));

        assertThat(store.latestState(ORDERS, "")).contains(new AssetPartitionState(ORDERS, "", "c1", "d1", Map.of(),
            orders.at(), run.id(), 1_000));
        assertThat(store.latestStates(List.of(ORDERS, GMV))).isEqualTo(Map.of(
            ORDERS_ALL, AssetPartitionState.of(orders),
            GMV_D1, AssetPartitionState.of(day1),
            GMV_D2, AssetPartitionState.of(day2)));
        assertThat(store.latestState(GMV, "2025-03-09")).isEmpty();
        assertThat(store.latestStates(List.of())).isEmpty();

        Run rerun = started(T0.plusSeconds(60));
        Materialized again = materialized(rerun.id(), GMV_D1, "c3", "d4", Map.of("commerce/orders", "d5"));
        store.appendEvents(List.of(again));
        assertThat(store.latestState(GMV, "2025-03-01")).contains(AssetPartitionState.of(again));
        assertThat(store.latestState(GMV, "2025-03-02")).contains(AssetPartitionState.of(day2));
    }

    @Test
    void aPartitionMaterializedTwiceInOneBatchKeepsTheLaterState() {
        Run run = started(T0);
        Materialized first = materialized(run.id(), GMV_D1, "c1", "d1", Map.of("commerce/orders", "d0"));
        Materialized other = materialized(run.id(), ORDERS_ALL, "c9", "d9", Map.of());
        Materialized second = materialized(run.id(), GMV_D1, "c2", "d2", Map.of("commerce/orders", "d1"));
        store.appendEvents(List.of(first, other, second));

        assertThat(store.latestState(GMV, "2025-03-01")).contains(AssetPartitionState.of(second));
        assertThat(store.latestState(ORDERS, "")).contains(AssetPartitionState.of(other));
    }

    @Test
    void aBatchIsWrittenWhollyOrNotAtAll() {
        Run run = started(T0);
        String tooLongRunId = "r" + "x".repeat(100);
        List<RunEvent> batch = List.of(
            materialized(run.id(), ORDERS_ALL, "c1", "d1", Map.of()),
            Log.run(tooLongRunId, T0, Log.Level.INFO, "does not fit the run_id column"));

        assertThatThrownBy(() -> store.appendEvents(batch)).isInstanceOf(RuntimeException.class);
        assertThat(store.events(run.id())).isEmpty();
        assertThat(store.latestState(ORDERS, "")).isEmpty();
    }

    @Test
    void aPartitionHeldByOneRunCannotBeLockedByAnotherUntilReleased() {
        String one = started(T0).id();
        String two = started(T0).id();
        String three = started(T0).id();

        assertThat(store.tryLockPartitions(one, List.of(ORDERS_ALL, GMV_D1))).containsExactly(ORDERS_ALL, GMV_D1);
        assertThat(store.tryLockPartitions(two, List.of(GMV_D1, GMV_D2))).containsExactly(GMV_D2);
        assertThat(store.tryLockPartitions(one, List.of(ORDERS_ALL))).as("re-entrant").containsExactly(ORDERS_ALL);

        store.releaseLocks(two, List.of(GMV_D1, ORDERS_ALL)); // held by run one: left alone
        assertThat(store.tryLockPartitions(three, List.of(ORDERS_ALL, GMV_D1))).isEmpty();

        store.releaseLocks(one, List.of(GMV_D1));
        assertThat(store.tryLockPartitions(two, List.of(GMV_D1))).containsExactly(GMV_D1);
        store.releaseLocks(two);
        assertThat(store.tryLockPartitions(three, List.of(GMV_D1, GMV_D2, ORDERS_ALL)))
            .containsExactly(GMV_D1, GMV_D2);
        assertThat(store.tryLockPartitions(three, List.of())).isEmpty();
    }

    @Test
    void lockHoldersNameTheRunHoldingEachPartition() {
        String one = started(T0).id();
        String two = started(T0).id();
        store.tryLockPartitions(one, List.of(ORDERS_ALL));
        store.tryLockPartitions(two, List.of(GMV_D1));

        assertThat(store.lockHolders(List.of(ORDERS_ALL, GMV_D1, GMV_D2)))
            .isEqualTo(Map.of(ORDERS_ALL, one, GMV_D1, two));
        store.releaseLocks(one);
        assertThat(store.lockHolders(List.of(ORDERS_ALL, GMV_D1))).isEqualTo(Map.of(GMV_D1, two));
        assertThat(store.lockHolders(List.of())).isEmpty();
    }

    @Test
    void concurrentLockAttemptsLeaveEachPartitionWithExactlyOneRun() throws Exception {
        List<AssetPartition> partitions = IntStream.range(0, 20)
            .mapToObj(i -> new AssetPartition(GMV, "2025-03-%02d".formatted(i + 1))).toList();
        List<String> runs = IntStream.range(0, 8).mapToObj(i -> started(T0).id()).toList();

        List<Set<AssetPartition>> acquired = inParallel(runs.stream().<Callable<Set<AssetPartition>>>map(run -> () -> {
            List<AssetPartition> shuffled = new ArrayList<>(partitions);
            Collections.shuffle(shuffled);
            return store.tryLockPartitions(run, shuffled);
        }).toList());

        Map<AssetPartition, Integer> holders = new HashMap<>();
        acquired.forEach(set -> set.forEach(p -> holders.merge(p, 1, Integer::sum)));
        assertThat(holders).containsOnlyKeys(partitions);
        assertThat(holders.values()).containsOnly(1);
    }

    @Test
    void recoveryFailsInterruptedRunsAndTheirUnfinishedStepsAndReleasesTheirLocks() {
        Run interrupted = started(T0);
        Run queued = queued(T0.plusSeconds(1));
        store.createRun(queued);
        Run done = started(T0.plusSeconds(2));
        store.updateRunStatus(done.id(), RunStatus.SUCCEEDED, T0.plusSeconds(3), "");
        Step ordersDone = new Step(interrupted.id(), ORDERS, "", StepStatus.SUCCEEDED, 1, T0, T0.plusSeconds(1),
            null, "");
        store.upsertSteps(List.of(ordersDone,
            new Step(interrupted.id(), GMV, GMV_D1.partition(), StepStatus.RUNNING, 1, T0, null, null, ""),
            Step.pending(interrupted.id(), GMV_D2)));
        store.tryLockPartitions(interrupted.id(), List.of(GMV_D1, GMV_D2));
        store.appendEvents(List.of(new RunStarted(interrupted.id(), T0)));
        String reason = "Martello stopped while this run was in progress";

        List<Run> recovered = store.recoverInterruptedRuns(reason);

        assertThat(recovered).hasSize(1);
        Run failed = recovered.getFirst();
        assertThat(failed.id()).isEqualTo(interrupted.id());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.message()).isEqualTo(reason);
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(store.run(interrupted.id())).contains(failed);
        Instant at = failed.finishedAt();
        assertThat(store.steps(interrupted.id())).containsExactly(
            ordersDone,
            new Step(interrupted.id(), GMV, GMV_D1.partition(), StepStatus.FAILED, 1, T0, at,
                FailureKind.ORCHESTRATOR, reason),
            new Step(interrupted.id(), GMV, GMV_D2.partition(), StepStatus.FAILED, 0, null, at,
                FailureKind.ORCHESTRATOR, reason));
        assertThat(store.events(interrupted.id())).containsExactly(
            new RunStarted(interrupted.id(), T0),
            new StepFailed(interrupted.id(), at, GMV, GMV_D1.partition(), FailureKind.ORCHESTRATOR, reason),
            new StepFailed(interrupted.id(), at, GMV, GMV_D2.partition(), FailureKind.ORCHESTRATOR, reason),
            new RunFinished(interrupted.id(), at, RunStatus.FAILED, reason));
        assertThat(store.tryLockPartitions(queued.id(), List.of(GMV_D1, GMV_D2))).containsExactly(GMV_D1, GMV_D2);
        assertThat(store.run(queued.id())).map(Run::status).contains(RunStatus.QUEUED);
        assertThat(store.run(done.id())).map(Run::status).contains(RunStatus.SUCCEEDED);

        assertThat(store.recoverInterruptedRuns(reason)).isEmpty();
    }

    @Test
    void reopeningTheDatabaseKeepsItsDataAndDoesNotMigrateAgain() {
        Run run = started(T0);
        Materialized event = materialized(run.id(), ORDERS_ALL, "c1", "d1", Map.of());
        store.appendEvents(List.of(event));
        store.close();

        store = openStore();
        store.close();
        store = openStore();

        assertThat(store.run(run.id())).map(Run::status).contains(RunStatus.STARTED);
        assertThat(store.events(run.id())).containsExactly(event);
        assertThat(store.latestState(ORDERS, "")).contains(AssetPartitionState.of(event));
    }

    @Test
    void concurrentAppendsLoseNothing() throws Exception {
        int threads = 8;
        int batches = 25;
        int perBatch = 40;
        List<String> runs = IntStream.range(0, threads).mapToObj(i -> started(T0).id()).toList();

        List<List<RunEvent>> written = inParallel(runs.stream().<Callable<List<RunEvent>>>map(run -> () -> {
            List<RunEvent> mine = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<RunEvent> batch = new ArrayList<>();
                for (int i = 0; i < perBatch; i++) {
                    batch.add(new StepStarted(run, T0, GMV, "p" + i, b + 1));
                }
                store.appendEvents(batch);
                mine.addAll(batch);
            }
            return mine;
        }).toList());

        for (int t = 0; t < threads; t++) {
            assertThat(store.events(runs.get(t))).hasSize(batches * perBatch).containsExactlyElementsOf(written.get(t));
        }
    }

    @Test
    void aBufferWritesEverythingItIsGivenInOrder() {
        Run run = started(T0);
        List<RunEvent> events = IntStream.range(0, 5_000)
            .<RunEvent>mapToObj(i -> Log.run(run.id(), T0, Log.Level.DEBUG, "line " + i)).toList();

        try (RunEventBuffer buffer = RunEventBuffer.ofEvents(store::appendEvents, 500, Duration.ofMillis(50))) {
            events.forEach(buffer::add);
        }

        assertThat(store.events(run.id())).containsExactlyElementsOf(events);
    }

    static List<RunEvent> everyEventType(String runId) {
        return List.of(
            new RunStarted(runId, T0),
            new StepStarted(runId, T0.plusMillis(1), ORDERS, "", 1),
            new CheckEvaluated(runId, T0.plusMillis(2), ORDERS, "", "order_id unique", Severity.ERROR, false, 3,
                "3 rows have a duplicate order_id"),
            new CheckEvaluated(runId, T0.plusMillis(3), ORDERS, "", "amount positive", Severity.WARN, true, 0, ""),
            new Materialized(runId, T0.plusMillis(4), ORDERS, "", 1_234_567_890_123L, 845, "a1b2", "d-r1-orders",
                Map.of("raw_commerce.orders", "obs-17", "accounts/users", "d-r0-users")),
            new StepFailed(runId, T0.plusMillis(5), GMV, "2025-03-01", FailureKind.WAREHOUSE,
                "Syntax error in SQL statement \"SELEC\"; \"quoted\", 'single', \\ backslash, ünïcödé → ✓"),
            new StepSkipped(runId, T0.plusMillis(6), GMV, "2025-03-02", "upstream core/gmv_daily[2025-03-01] failed"),
            new Log(runId, T0.plusMillis(7), GMV, "2025-03-01", Log.Level.WARN, "retrying in 2 s"),
            Log.run(runId, T0.plusMillis(8), Log.Level.ERROR, "multi\nline\tmessage"),
            new RunFinished(runId, T0.plusMillis(9), RunStatus.FAILED, "1 step failed, 1 skipped"));
    }

    Run queued(Instant createdAt) {
        return new Run(RunIds.next(createdAt), "demo", "commerce/orders", List.of(), RunStatus.QUEUED, "manual",
            createdAt, null, null, "");
    }

    /** Creates a run and starts it. */
    Run started(Instant createdAt) {
        Run run = queued(createdAt);
        store.createRun(run);
        store.updateRunStatus(run.id(), RunStatus.STARTED, createdAt, "");
        return store.run(run.id()).orElseThrow();
    }

    static Materialized materialized(String runId, AssetPartition target, String code, String data,
                                     Map<String, String> inputs) {
        return new Materialized(runId, T0.plusSeconds(5), target.asset(), target.partition(), 1_000, 250, code, data,
            inputs);
    }

    static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
