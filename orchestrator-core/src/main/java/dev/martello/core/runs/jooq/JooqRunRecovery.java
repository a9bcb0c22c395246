package dev.martello.core.runs.jooq;

import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.runs.jooq.Schema.Locks;
import dev.martello.core.runs.jooq.Schema.Runs;
import dev.martello.core.runs.jooq.Schema.Steps;
import dev.martello.dsl.AssetKey;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/**
 * Fails the runs a dead process left {@code STARTED}, in one transaction with their steps, events and locks, so a
 * crash at any point leaves either all of it recovered or none. Every process sharing the store must be stopped when
 * this runs: a run of a live process would be failed too.
 */
final class JooqRunRecovery {
    private static final List<String> UNFINISHED_STEPS = List.of(StepStatus.PENDING.name(), StepStatus.RUNNING.name());

    private JooqRunRecovery() {
    }

    static List<Run> recover(DSLContext tx, String reason, Instant now) {
        // FOR UPDATE: a run cannot finish between being picked here and being failed below.
        List<String> runIds = tx.select(Runs.ID).from(Runs.TABLE).where(Runs.STATUS.eq(RunStatus.STARTED.name()))
            .orderBy(Runs.CREATED_AT, Runs.ID).forUpdate().fetch(Runs.ID);
        if (runIds.isEmpty()) {
            return List.of();
        }
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
        tx.deleteFrom(Locks.TABLE).where(Locks.RUN_ID.in(runIds)).execute();
        JooqEventLog.append(tx, events);
        return tx.select(JooqRunStore.RUN_COLUMNS).from(Runs.TABLE).where(Runs.ID.in(runIds))
            .orderBy(Runs.CREATED_AT, Runs.ID).fetch(JooqRunStore::run);
    }
}
