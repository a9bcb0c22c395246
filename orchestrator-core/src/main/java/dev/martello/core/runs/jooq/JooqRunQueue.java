package dev.martello.core.runs.jooq;

import dev.martello.core.runs.QueueLimits;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.runs.jooq.Schema.QueueLock;
import dev.martello.core.runs.jooq.Schema.Runs;
import dev.martello.core.runs.jooq.Schema.Steps;
import dev.martello.core.runs.FailureKind;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The claim that turns queued runs into started ones. It holds the one {@code queue_lock} row for its transaction,
 * so claims on every thread and node are serialized and the counts it reads stay true until it commits.
 */
final class JooqRunQueue {
    /** How many queued runs one claim looks at; the rest wait for the next claim. */
    private static final int WINDOW = 200;

    private JooqRunQueue() {
    }

    static List<Run> claim(DSLContext tx, String workspace, String node, QueueLimits limits, Instant now) {
        tx.select(QueueLock.ID).from(QueueLock.TABLE).where(QueueLock.ID.eq(1)).forUpdate().fetch();
        List<String> startedPools = tx.select(Runs.POOLS).from(Runs.TABLE)
            .where(Runs.WORKSPACE.eq(workspace), Runs.STATUS.eq(RunStatus.STARTED.name())).fetch(Runs.POOLS);
        int started = startedPools.size();
        if (started >= limits.maxConcurrentRuns()) {
            return List.of();
        }
        Map<String, Integer> inPool = new HashMap<>();
        startedPools.forEach(p -> Json.strings(p).forEach(pool -> inPool.merge(pool, 1, Integer::sum)));
        List<Run> queued = tx.select(JooqRunStore.RUN_COLUMNS).from(Runs.TABLE)
            .where(Runs.WORKSPACE.eq(workspace), Runs.STATUS.eq(RunStatus.QUEUED.name()))
            .orderBy(Runs.PRIORITY.desc(), Runs.CREATED_AT, Runs.ID).limit(WINDOW).fetch(JooqRunStore::run);
        List<String> claimed = new ArrayList<>();
        for (Run run : queued) {
            if (started >= limits.maxConcurrentRuns()) {
                break;
            }
            // A run whose pool is full waits; lower-priority runs in other pools may go ahead of it.
            if (run.pools().stream().anyMatch(p -> inPool.getOrDefault(p, 0)
                >= limits.poolLimits().getOrDefault(p, Integer.MAX_VALUE))) {
                continue;
            }
            run.pools().forEach(p -> inPool.merge(p, 1, Integer::sum));
            started++;
            claimed.add(run.id());
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        tx.update(Runs.TABLE)
            .set(Runs.STATUS, RunStatus.STARTED.name())
            .set(Runs.STARTED_AT, now)
            .set(Runs.NODE, node)
            .where(Runs.ID.in(claimed))
            .execute();
        Map<String, Run> byId = new HashMap<>();
        tx.select(JooqRunStore.RUN_COLUMNS).from(Runs.TABLE).where(Runs.ID.in(claimed))
            .fetch(JooqRunStore::run).forEach(r -> byId.put(r.id(), r));
        return claimed.stream().map(byId::get).toList();
    }

    static boolean cancelQueued(DSLContext tx, String runId, Instant at, String reason) {
        int n = tx.update(Runs.TABLE)
            .set(Runs.STATUS, RunStatus.CANCELED.name())
            .set(Runs.FINISHED_AT, at)
            .set(Runs.MESSAGE, EventCodec.clip(reason))
            .where(Runs.ID.eq(runId), Runs.STATUS.eq(RunStatus.QUEUED.name()))
            .execute();
        if (n == 0) {
            return false;
        }
        tx.update(Steps.TABLE)
            .set(Steps.STATUS, StepStatus.CANCELED.name())
            .set(Steps.FAILURE_KIND, FailureKind.CANCELED.name())
            .set(Steps.FINISHED_AT, at)
            .set(Steps.MESSAGE, EventCodec.clip(reason))
            .where(Steps.RUN_ID.eq(runId), Steps.STATUS.eq(StepStatus.PENDING.name()))
            .execute();
        JooqEventLog.append(tx, List.of(new RunEvent.RunFinished(runId, at, RunStatus.CANCELED, reason)));
        return true;
    }
}
