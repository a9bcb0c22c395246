package dev.martello.core.runs.jooq;

import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.InterruptedRunPolicy;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.runs.jooq.Schema.Locks;
import dev.martello.core.runs.jooq.Schema.Runs;
import dev.martello.core.runs.jooq.Schema.Steps;
import dev.martello.dsl.AssetKey;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/**
 * Recovers the {@code STARTED} runs a dead process left, in one transaction with their steps, events and locks, so a
 * crash at any point leaves either all of it recovered or none. Which runs are dead is the caller's condition: every
 * started run (one process on the embedded store) or the runs of nodes whose heartbeat stopped (a shared store).
 * Each is failed, or requeued with its unfinished steps PENDING again.
 */
final class JooqRunRecovery {
    private static final List<String> UNFINISHED_STEPS = List.of(StepStatus.PENDING.name(), StepStatus.RUNNING.name());

    private JooqRunRecovery() {
    }

    static List<Run> recover(DSLContext tx, Condition which, String reason, Instant now, InterruptedRunPolicy policy) {
        // FOR UPDATE: a run cannot finish between being picked here and being recovered below.
        List<String> runIds = tx.select(Runs.ID).from(Runs.TABLE)
            .where(Runs.STATUS.eq(RunStatus.STARTED.name()).and(which))
            .orderBy(Runs.CREATED_AT, Runs.ID).forUpdate().fetch(Runs.ID);
        if (runIds.isEmpty()) {
            return List.of();
        }
        if (policy == InterruptedRunPolicy.REQUEUE) {
            requeue(tx, runIds, reason, now);
        } else {
            fail(tx, runIds, reason, now);
        }
        tx.deleteFrom(Locks.TABLE).where(Locks.RUN_ID.in(runIds)).execute();
        return tx.select(JooqRunStore.RUN_COLUMNS).from(Runs.TABLE).where(Runs.ID.in(runIds))
            .orderBy(Runs.CREATED_AT, Runs.ID).fetch(JooqRunStore::run);
    }

    private static void fail(DSLContext tx, List<String> runIds, String reason, Instant now) {
        List<RunEvent> events = new ArrayList<>();
        tx.select(Steps.RUN_ID, Steps.ASSET_KEY, Steps.PARTITION_KEY).from(Steps.TABLE)
            .where(Steps.RUN_ID.in(runIds), Steps.STATUS.in(UNFINISHED_STEPS))
            .orderBy(Steps.RUN_ID, Steps.ASSET_KEY, Steps.PARTITION_KEY)
            .forEach(r -> events.add(new RunEvent.StepFailed(r.value1(), now, AssetKey.parse(r.value2()), r.value3(),
                FailureKind.ORCHESTRATOR, reason)));
        runIds.forEach(id -> events.add(new RunEvent.RunFinished(id, now, RunStatus.FAILED, reason)));
        tx.update(Steps.TABLE)
            .set(Steps.STATUS, StepStatus.FAILED.name())
            .set(Steps.FAILURE_KIND, FailureKind.ORCHESTRATOR.name())
            .set(Steps.FINISHED_AT, now)
            .set(Steps.MESSAGE, EventCodec.clip(reason))
            .where(Steps.RUN_ID.in(runIds), Steps.STATUS.in(UNFINISHED_STEPS))
            .execute();
        tx.update(Runs.TABLE)
            .set(Runs.STATUS, RunStatus.FAILED.name())
            .set(Runs.FINISHED_AT, now)
            .set(Runs.MESSAGE, EventCodec.clip(reason))
            .where(Runs.ID.in(runIds))
            .execute();
        JooqEventLog.append(tx, events);
    }

    /** Back to the queue: a step that was running is pending again; finished steps keep their outcome. */
    private static void requeue(DSLContext tx, List<String> runIds, String reason, Instant now) {
        tx.update(Steps.TABLE)
            .set(Steps.STATUS, StepStatus.PENDING.name())
            .setNull(Steps.STARTED_AT)
            .set(Steps.MESSAGE, EventCodec.clip("requeued: " + reason))
            .where(Steps.RUN_ID.in(runIds), Steps.STATUS.eq(StepStatus.RUNNING.name()))
            .execute();
        tx.update(Runs.TABLE)
            .set(Runs.STATUS, RunStatus.QUEUED.name())
            .setNull(Runs.STARTED_AT)
            .setNull(Runs.NODE)
            .set(Runs.MESSAGE, EventCodec.clip("requeued: " + reason))
            .where(Runs.ID.in(runIds))
            .execute();
        List<RunEvent> events = new ArrayList<>();
        runIds.forEach(id -> events.add(new RunEvent.Log(id, now, null, null, RunEvent.Log.Level.WARN,
            "requeued: " + reason)));
        JooqEventLog.append(tx, events);
    }
}
