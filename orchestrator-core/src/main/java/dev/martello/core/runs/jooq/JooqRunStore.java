package dev.martello.core.runs.jooq;

import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.AssetPartitionState;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.InterruptedRunPolicy;
import dev.martello.core.runs.MetadataDatabase;
import dev.martello.core.runs.QueueLimits;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.runs.jooq.Schema.Runs;
import dev.martello.core.runs.jooq.Schema.Steps;
import dev.martello.dsl.AssetKey;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link RunStore} on any database jOOQ speaks; the schema is {@code db/metadata}, migrated by Flyway. */
final class JooqRunStore implements RunStore {
    static final List<Field<?>> RUN_COLUMNS = List.of(Runs.ID, Runs.WORKSPACE, Runs.SELECTION, Runs.PARTITIONS,
        Runs.STATUS, Runs.TRIGGERED_BY, Runs.CREATED_AT, Runs.STARTED_AT, Runs.FINISHED_AT, Runs.MESSAGE, Runs.PRIORITY,
        Runs.POOLS, Runs.NODE, Runs.RETRY_OF, Runs.ATTEMPT);
    private static final List<Field<?>> STEP_COLUMNS = List.of(Steps.RUN_ID, Steps.ASSET_KEY, Steps.PARTITION_KEY,
        Steps.STATUS, Steps.ATTEMPTS, Steps.STARTED_AT, Steps.FINISHED_AT, Steps.FAILURE_KIND, Steps.MESSAGE);
    private static final List<String> TERMINAL = List.of(RunStatus.SUCCEEDED.name(), RunStatus.FAILED.name(),
        RunStatus.CANCELED.name());

    private final DSLContext db;
    private final AutoCloseable connections;
    private final MetadataDatabase database;

    JooqRunStore(DSLContext db, AutoCloseable connections, MetadataDatabase database) {
        this.db = db;
        this.connections = connections;
        this.database = database;
    }

    @Override
    public void createRun(Run run, Collection<Step> steps) {
        db.transaction(cfg -> {
            insertRun(DSL.using(cfg), run);
            for (Step s : steps) {
                DSL.using(cfg).insertInto(Steps.TABLE)
                    .set(Steps.RUN_ID, s.runId())
                    .set(Steps.ASSET_KEY, s.asset().toString())
                    .set(Steps.PARTITION_KEY, s.partition())
                    .set(stepValues(s))
                    .execute();
            }
        });
    }

    /** The database behind this store, for the adapters of other features that keep their tables beside it. */
    DSLContext db() {
        return db;
    }

    @Override
    public void createRun(Run run) {
        insertRun(db, run);
    }

    private static void insertRun(DSLContext db, Run run) {
        db.insertInto(Runs.TABLE)
            .set(Runs.ID, run.id())
            .set(Runs.WORKSPACE, run.workspace())
            .set(Runs.SELECTION, run.selection())
            .set(Runs.PARTITIONS, Json.write(run.partitions()))
            .set(Runs.STATUS, run.status().name())
            .set(Runs.TRIGGERED_BY, run.trigger())
            .set(Runs.CREATED_AT, run.createdAt())
            .set(Runs.STARTED_AT, run.startedAt())
            .set(Runs.FINISHED_AT, run.finishedAt())
            .set(Runs.MESSAGE, EventCodec.clip(run.message()))
            .set(Runs.PRIORITY, run.priority())
            .set(Runs.POOLS, Json.write(run.pools()))
            .set(Runs.NODE, run.node())
            .set(Runs.RETRY_OF, run.retryOf())
            .set(Runs.ATTEMPT, run.attempt())
            .execute();
    }

    @Override
    public boolean updateRunStatus(String runId, RunStatus status, Instant at, String message) {
        Map<Field<?>, Object> values = new HashMap<>();
        values.put(Runs.STATUS, status.name());
        values.put(Runs.MESSAGE, EventCodec.clip(message == null ? "" : message));
        if (status == RunStatus.STARTED) {
            values.put(Runs.STARTED_AT, at);
        } else if (status.isTerminal()) {
            values.put(Runs.FINISHED_AT, at);
        }
        return db.update(Runs.TABLE).set(values)
            .where(Runs.ID.eq(runId), Runs.STATUS.notIn(TERMINAL))
            .execute() == 1;
    }

    @Override
    public void upsertSteps(Collection<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        db.transaction(cfg -> upsertSteps(DSL.using(cfg), steps));
    }

    /** Prepared statements in the caller's transaction: the SQL text stays the same, so it is parsed once. */
    private static void upsertSteps(DSLContext tx, Collection<Step> steps) {
        for (Step s : steps) {
            tx.insertInto(Steps.TABLE)
                .set(Steps.RUN_ID, s.runId())
                .set(Steps.ASSET_KEY, s.asset().toString())
                .set(Steps.PARTITION_KEY, s.partition())
                .set(stepValues(s))
                .onConflict(Steps.RUN_ID, Steps.ASSET_KEY, Steps.PARTITION_KEY)
                .doUpdate()
                .set(stepValues(s))
                .execute();
        }
    }

    @Override
    public void appendEvents(List<? extends RunEvent> events) {
        if (!events.isEmpty()) {
            db.transaction(cfg -> JooqEventLog.append(DSL.using(cfg), events));
        }
    }

    @Override
    public void append(List<? extends RunEvent> events, Collection<Step> steps) {
        if (events.isEmpty() && steps.isEmpty()) {
            return;
        }
        db.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (!events.isEmpty()) {
                JooqEventLog.append(tx, events);
            }
            upsertSteps(tx, steps);
        });
    }

    @Override
    public List<RunEvent> events(String runId) {
        return JooqEventLog.events(db, runId);
    }

    @Override
    public List<Run> runs(int limit) {
        return runs(limit, DSL.noCondition());
    }

    @Override
    public List<Run> runs(int limit, RunStatus status) {
        return runs(limit, Runs.STATUS.eq(status.name()));
    }

    private List<Run> runs(int limit, Condition condition) {
        return db.select(RUN_COLUMNS).from(Runs.TABLE).where(condition)
            .orderBy(Runs.CREATED_AT.desc(), Runs.ID.desc())
            .limit(limit)
            .fetch(JooqRunStore::run);
    }

    @Override
    public Optional<Run> run(String runId) {
        return db.select(RUN_COLUMNS).from(Runs.TABLE).where(Runs.ID.eq(runId)).fetchOptional(JooqRunStore::run);
    }

    @Override
    public List<Step> steps(String runId) {
        return db.select(STEP_COLUMNS).from(Steps.TABLE).where(Steps.RUN_ID.eq(runId))
            .orderBy(Steps.STARTED_AT.asc().nullsLast(), Steps.ASSET_KEY, Steps.PARTITION_KEY)
            .fetch(JooqRunStore::step);
    }

    @Override
    public Optional<AssetPartitionState> latestState(AssetKey asset, String partition) {
        return JooqEventLog.latestState(db, asset, partition);
    }

    @Override
    public Map<AssetPartition, AssetPartitionState> latestStates(Collection<AssetKey> assets) {
        return JooqEventLog.latestStates(db, assets);
    }

    @Override
    public Set<AssetPartition> tryLockPartitions(String runId, Collection<AssetPartition> partitions) {
        return JooqPartitionLocks.tryLock(db, runId, partitions);
    }

    @Override
    public Map<AssetPartition, String> lockHolders(Collection<AssetPartition> partitions) {
        return JooqPartitionLocks.holders(db, partitions);
    }

    @Override
    public void releaseLocks(String runId, Collection<AssetPartition> partitions) {
        JooqPartitionLocks.release(db, runId, partitions);
    }

    @Override
    public void releaseLocks(String runId) {
        JooqPartitionLocks.releaseAll(db, runId);
    }

    @Override
    public List<Run> recoverInterruptedRuns(String reason, InterruptedRunPolicy policy) {
        return db.transactionResult(cfg -> JooqRunRecovery.recover(DSL.using(cfg),
            Runs.STATUS.eq(RunStatus.STARTED.name()), reason, Instant.now(), policy));
    }

    @Override
    public void heartbeat(String node, Instant at) {
        JooqNodes.heartbeat(db, node, at);
    }

    @Override
    public void removeNode(String node) {
        JooqNodes.remove(db, node);
    }

    @Override
    public List<Run> recoverDeadNodes(Instant deadBefore, String reason, InterruptedRunPolicy policy) {
        return db.transactionResult(cfg -> JooqNodes.recoverDead(DSL.using(cfg), deadBefore, reason, policy));
    }

    @Override
    public List<Run> claimQueuedRuns(String workspace, String node, QueueLimits limits, Instant now) {
        return db.transactionResult(cfg -> JooqRunQueue.claim(DSL.using(cfg), workspace, node, limits, now));
    }

    @Override
    public boolean cancelQueued(String runId, Instant at, String reason) {
        return db.transactionResult(cfg -> JooqRunQueue.cancelQueued(DSL.using(cfg), runId, at, reason));
    }

    @Override
    public boolean requestCancel(String runId, Instant at) {
        return db.update(Runs.TABLE).set(Runs.CANCEL_REQUESTED_AT, at)
            .where(Runs.ID.eq(runId), Runs.STATUS.eq(RunStatus.STARTED.name())).execute() == 1;
    }

    @Override
    public Set<String> cancelRequested(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.select(Runs.ID).from(Runs.TABLE)
            .where(Runs.ID.in(runIds), Runs.STATUS.eq(RunStatus.STARTED.name()), Runs.CANCEL_REQUESTED_AT.isNotNull())
            .fetch(Runs.ID));
    }

    @Override
    public List<Run> runsOf(String workspace, RunStatus status, int limit) {
        return db.select(RUN_COLUMNS).from(Runs.TABLE)
            .where(Runs.WORKSPACE.eq(workspace), Runs.STATUS.eq(status.name()))
            .orderBy(Runs.CREATED_AT, Runs.ID).limit(limit).fetch(JooqRunStore::run);
    }

    @Override
    public List<Run> runsByTrigger(String trigger) {
        return db.select(RUN_COLUMNS).from(Runs.TABLE).where(Runs.TRIGGERED_BY.eq(trigger))
            .orderBy(Runs.CREATED_AT, Runs.ID).fetch(JooqRunStore::run);
    }

    @Override
    public MetadataDatabase database() {
        return database;
    }

    @Override
    public void close() {
        try {
            connections.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the metadata store failed", e);
        }
    }

    private static Map<Field<?>, Object> stepValues(Step s) {
        Map<Field<?>, Object> values = new HashMap<>();
        values.put(Steps.STATUS, s.status().name());
        values.put(Steps.ATTEMPTS, s.attempts());
        values.put(Steps.STARTED_AT, s.startedAt());
        values.put(Steps.FINISHED_AT, s.finishedAt());
        values.put(Steps.FAILURE_KIND, s.failure() == null ? null : s.failure().name());
        values.put(Steps.MESSAGE, EventCodec.clip(s.message()));
        return values;
    }

    static Run run(Record r) {
        return new Run(r.get(Runs.ID), r.get(Runs.WORKSPACE), r.get(Runs.SELECTION),
            Json.strings(r.get(Runs.PARTITIONS)), RunStatus.valueOf(r.get(Runs.STATUS)), r.get(Runs.TRIGGERED_BY),
            r.get(Runs.CREATED_AT), r.get(Runs.STARTED_AT), r.get(Runs.FINISHED_AT), r.get(Runs.MESSAGE),
            r.get(Runs.PRIORITY), Json.strings(r.get(Runs.POOLS)), r.get(Runs.NODE), r.get(Runs.RETRY_OF),
            r.get(Runs.ATTEMPT));
    }

    private static Step step(Record r) {
        String failure = r.get(Steps.FAILURE_KIND);
        return new Step(r.get(Steps.RUN_ID), AssetKey.parse(r.get(Steps.ASSET_KEY)), r.get(Steps.PARTITION_KEY),
            StepStatus.valueOf(r.get(Steps.STATUS)), r.get(Steps.ATTEMPTS), r.get(Steps.STARTED_AT),
            r.get(Steps.FINISHED_AT), failure == null ? null : FailureKind.valueOf(failure), r.get(Steps.MESSAGE));
    }
}
