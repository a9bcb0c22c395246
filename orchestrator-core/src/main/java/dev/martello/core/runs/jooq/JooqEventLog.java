package dev.martello.core.runs.jooq;

import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.AssetPartitionState;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.jooq.Schema.Events;
import dev.martello.core.runs.jooq.Schema.States;
import dev.martello.dsl.AssetKey;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event log and the latest state per asset partition that materializations leave behind. */
final class JooqEventLog {
    /** Stays far below PostgreSQL's limit of 32,767 bind values per statement. */
    private static final int IN_LIST_CHUNK = 1_000;
    private static final List<Field<?>> STATE_COLUMNS = List.of(States.ASSET_KEY, States.PARTITION_KEY,
        States.CODE_VERSION, States.DATA_VERSION, States.INPUT_DATA_VERSIONS, States.MATERIALIZED_AT, States.RUN_ID,
        States.ROW_COUNT);

    private JooqEventLog() {
    }

    /** Appends in the caller's transaction: one prepared-statement batch, then the states materializations set. */
    static void append(DSLContext tx, List<? extends RunEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        BatchBindStep batch = tx.batch(tx.insertInto(Events.TABLE, Events.RUN_ID, Events.OCCURRED_AT,
                Events.EVENT_TYPE, Events.ASSET_KEY, Events.PARTITION_KEY, Events.PAYLOAD)
            .values((String) null, null, null, null, null, null));
        List<AssetPartitionState> states = new ArrayList<>();
        for (RunEvent event : events) {
            EventCodec.Row row = EventCodec.encode(event);
            batch.bind(event.runId(), event.at(), row.type(), row.assetKey(), row.partitionKey(), row.payload());
            if (event instanceof RunEvent.Materialized materialized) {
                states.add(AssetPartitionState.of(materialized));
            }
        }
        batch.execute();
        if (!states.isEmpty()) {
            // One prepared statement bound per state, in event order (a partition materialized twice keeps the later
            // state): a batch of distinct queries would be rendered with inlined values and parsed one by one.
            BatchBindStep upserts = tx.batch(upsertState(tx));
            for (AssetPartitionState s : states) {
                upserts.bind(s.asset().toString(), s.partition(), s.codeVersion(), s.dataVersion(),
                    Json.write(s.inputDataVersions()), s.materializedAt(), s.runId(), s.rowCount());
            }
            upserts.execute();
        }
    }

    static List<RunEvent> events(DSLContext db, String runId) {
        return db.select(Events.OCCURRED_AT, Events.EVENT_TYPE, Events.ASSET_KEY, Events.PARTITION_KEY,
                Events.PAYLOAD)
            .from(Events.TABLE)
            .where(Events.RUN_ID.eq(runId))
            .orderBy(Events.ID)
            .fetch(r -> EventCodec.decode(runId, r.value1(),
                new EventCodec.Row(r.value2(), r.value3(), r.value4(), r.value5())));
    }

    static Optional<AssetPartitionState> latestState(DSLContext db, AssetKey asset, String partition) {
        return db.select(STATE_COLUMNS).from(States.TABLE)
            .where(States.ASSET_KEY.eq(asset.toString()), States.PARTITION_KEY.eq(partition))
            .fetchOptional(JooqEventLog::state);
    }

    static Map<AssetPartition, AssetPartitionState> latestStates(DSLContext db, Collection<AssetKey> assets) {
        List<String> keys = assets.stream().map(AssetKey::toString).distinct().toList();
        Map<AssetPartition, AssetPartitionState> states = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += IN_LIST_CHUNK) {
            db.select(STATE_COLUMNS).from(States.TABLE)
                .where(States.ASSET_KEY.in(keys.subList(from, Math.min(keys.size(), from + IN_LIST_CHUNK))))
                .forEach(r -> {
                    AssetPartitionState state = state(r);
                    states.put(state.target(), state);
                });
        }
        return Map.copyOf(states);
    }

    /** Binds, in order: asset, partition, code version, data version, input versions (JSON), time, run, rows. */
    private static Query upsertState(DSLContext tx) {
        return tx.insertInto(States.TABLE, STATE_COLUMNS)
            .values(Collections.nCopies(STATE_COLUMNS.size(), null))
            .onConflict(States.ASSET_KEY, States.PARTITION_KEY)
            .doUpdate()
            .set(States.CODE_VERSION, DSL.excluded(States.CODE_VERSION))
            .set(States.DATA_VERSION, DSL.excluded(States.DATA_VERSION))
            .set(States.INPUT_DATA_VERSIONS, DSL.excluded(States.INPUT_DATA_VERSIONS))
            .set(States.MATERIALIZED_AT, DSL.excluded(States.MATERIALIZED_AT))
            .set(States.RUN_ID, DSL.excluded(States.RUN_ID))
            .set(States.ROW_COUNT, DSL.excluded(States.ROW_COUNT));
    }

    private static AssetPartitionState state(Record r) {
        return new AssetPartitionState(AssetKey.parse(r.get(States.ASSET_KEY)), r.get(States.PARTITION_KEY),
            r.get(States.CODE_VERSION), r.get(States.DATA_VERSION), Json.stringMap(r.get(States.INPUT_DATA_VERSIONS)),
            r.get(States.MATERIALIZED_AT), r.get(States.RUN_ID), r.get(States.ROW_COUNT));
    }
}
