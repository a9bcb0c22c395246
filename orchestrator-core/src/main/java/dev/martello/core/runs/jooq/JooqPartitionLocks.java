package dev.martello.core.runs.jooq;

import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.jooq.Schema.Locks;
import dev.martello.dsl.AssetKey;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Partition locks as rows keyed by (asset, partition): the primary key, not a read-then-write, decides who wins, so
 * two runs can never hold one asset partition even on two nodes.
 */
final class JooqPartitionLocks {
    /**
     * A lost insert race surfaces as a key violation on H2, whose insert-if-absent is a MERGE, and two overlapping
     * requests can still deadlock on PostgreSQL; trying again is safe, as a retry sees the winner's committed rows.
     */
    private static final int ATTEMPTS = 5;
    /** Inserting in one global order keeps two runs that want overlapping partitions from waiting on each other. */
    private static final Comparator<AssetPartition> INSERT_ORDER =
        Comparator.comparing((AssetPartition p) -> p.asset().toString()).thenComparing(AssetPartition::partition);
    private static final int CHUNK = 500;

    private JooqPartitionLocks() {
    }

    static Set<AssetPartition> tryLock(DSLContext db, String runId, Collection<AssetPartition> partitions) {
        List<AssetPartition> wanted = List.copyOf(new LinkedHashSet<>(partitions));
        if (wanted.isEmpty()) {
            return Set.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transactionResult(cfg -> lockAll(DSL.using(cfg), runId, wanted));
            } catch (DataAccessException e) {
                if (attempt == ATTEMPTS || !isLostRace(e)) {
                    throw e;
                }
            }
        }
    }

    static Map<AssetPartition, String> holders(DSLContext db, Collection<AssetPartition> partitions) {
        List<AssetPartition> list = List.copyOf(new LinkedHashSet<>(partitions));
        Map<AssetPartition, String> out = new HashMap<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            db.select(Locks.ASSET_KEY, Locks.PARTITION_KEY, Locks.RUN_ID).from(Locks.TABLE)
                .where(anyOf(list.subList(from, Math.min(list.size(), from + CHUNK))))
                .forEach(r -> out.put(new AssetPartition(AssetKey.parse(r.value1()), r.value2()), r.value3()));
        }
        return out;
    }

    static void release(DSLContext db, String runId, Collection<AssetPartition> partitions) {
        List<AssetPartition> list = List.copyOf(partitions);
        for (int from = 0; from < list.size(); from += CHUNK) {
            db.deleteFrom(Locks.TABLE)
                .where(Locks.RUN_ID.eq(runId), anyOf(list.subList(from, Math.min(list.size(), from + CHUNK))))
                .execute();
        }
    }

    static void releaseAll(DSLContext db, String runId) {
        db.deleteFrom(Locks.TABLE).where(Locks.RUN_ID.eq(runId)).execute();
    }

    private static Set<AssetPartition> lockAll(DSLContext tx, String runId, List<AssetPartition> wanted) {
        Instant now = Instant.now();
        tx.batch(wanted.stream().sorted(INSERT_ORDER)
            .map(p -> tx.insertInto(Locks.TABLE)
                .set(Locks.ASSET_KEY, p.asset().toString())
                .set(Locks.PARTITION_KEY, p.partition())
                .set(Locks.RUN_ID, runId)
                .set(Locks.LOCKED_AT, now)
                .onConflict(Locks.ASSET_KEY, Locks.PARTITION_KEY)
                .doNothing())
            .toList()).execute();
        Set<AssetPartition> held = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            tx.select(Locks.ASSET_KEY, Locks.PARTITION_KEY)
                .from(Locks.TABLE)
                .where(Locks.RUN_ID.eq(runId), anyOf(wanted.subList(from, Math.min(wanted.size(), from + CHUNK))))
                .forEach(r -> held.add(new AssetPartition(AssetKey.parse(r.value1()), r.value2())));
        }
        Set<AssetPartition> acquired = new LinkedHashSet<>();
        wanted.stream().filter(held::contains).forEach(acquired::add);
        return acquired;
    }

    /**
     * Integrity violation (23…) or serialization failure / deadlock (40…). A batch reports the error through its
     * cause chain, so the SQL state is looked for there too.
     */
    private static boolean isLostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }

    private static Condition anyOf(List<AssetPartition> partitions) {
        return DSL.or(partitions.stream()
            .map(p -> Locks.ASSET_KEY.eq(p.asset().toString()).and(Locks.PARTITION_KEY.eq(p.partition())))
            .toList());
    }
}
