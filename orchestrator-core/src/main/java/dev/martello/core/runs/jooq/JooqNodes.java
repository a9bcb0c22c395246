package dev.martello.core.runs.jooq;

import dev.martello.core.runs.InterruptedRunPolicy;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.jooq.Schema.Nodes;
import dev.martello.core.runs.jooq.Schema.Runs;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;

/**
 * Nodes and their heartbeats: a run belongs to the node that claimed it, and only a node whose heartbeat stopped has
 * its runs recovered, so a live node's runs are never failed by another node starting up.
 */
final class JooqNodes {
    private JooqNodes() {
    }

    static void heartbeat(DSLContext db, String node, Instant at) {
        int updated = db.update(Nodes.TABLE).set(Nodes.HEARTBEAT_AT, at).where(Nodes.ID.eq(node)).execute();
        if (updated == 0) {
            db.insertInto(Nodes.TABLE).set(Nodes.ID, node).set(Nodes.STARTED_AT, at).set(Nodes.HEARTBEAT_AT, at)
                .onConflict(Nodes.ID).doNothing().execute();
        }
    }

    static void remove(DSLContext db, String node) {
        db.deleteFrom(Nodes.TABLE).where(Nodes.ID.eq(node)).execute();
    }

    static List<Run> recoverDead(DSLContext tx, Instant deadBefore, String reason, InterruptedRunPolicy policy) {
        List<String> dead = tx.select(Nodes.ID).from(Nodes.TABLE).where(Nodes.HEARTBEAT_AT.lt(deadBefore))
            .forUpdate().fetch(Nodes.ID);
        // A run whose node is unknown (never recorded, or removed) has no one left to finish it.
        List<Run> recovered = JooqRunRecovery.recover(tx, Runs.NODE.isNull().or(Runs.NODE.in(dead))
            .or(DSL.notExists(DSL.selectOne().from(Nodes.TABLE).where(Nodes.ID.eq(Runs.NODE)))), reason,
            Instant.now(), policy);
        if (!dead.isEmpty()) {
            tx.deleteFrom(Nodes.TABLE).where(Nodes.ID.in(dead)).execute();
        }
        return recovered;
    }
}
