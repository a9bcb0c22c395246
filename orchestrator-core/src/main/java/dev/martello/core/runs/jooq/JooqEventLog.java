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

import java.util.ArrayList;
import java.util.Collection;
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
        List<Query> states = new ArrayList<>();
        for (RunEvent event : events) {
            EventCodec.Row row = EventCodec.encode(event);
            batch.bind(event.runId(), event.at(), row.type(), row.assetKey(), row.partitionKey(), row.payload());
            if (event instanceof RunEvent.Materialized materialized) {
                states.add(upsertState(tx, AssetPartitionState.of(materialized)));
            }
        }
        batch.execute();
        if (!states.isEmpty()) {
            tx.batch(states).execute();
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

    private static Query upsertState(DSLContext tx, AssetPartitionState s) {
        String inputs = Json.write(s.inputDataVersions());
        return tx.insertInto(States.TABLE)
            .set(States.ASSET_KEY, s.asset().toString())
            .set(States.PARTITION_KEY, s.partition())
            .set(States.CODE_VERSION, s.codeVersion())
            .set(States.DATA_VERSION, s.dataVersion())
            .set(States.INPUT_DATA_VERSIONS, inputs)
            .set(States.MATERIALIZED_AT, s.materializedAt())
            .set(States.RUN_ID, s.runId())
            .set(States.ROW_COUNT, s.rowCount())
            .onConflict(States.ASSET_KEY, States.PARTITION_KEY)
            .doUpdate()
            .set(States.CODE_VERSION, s.codeVersion())
            .set(States.DATA_VERSION, s.dataVersion())
            .set(States.INPUT_DATA_VERSIONS, inputs)
            .set(States.MATERIALIZED_AT, s.materializedAt())
            .set(States.RUN_ID, s.runId())
            .set(States.ROW_COUNT, s.rowCount());
    }

    private static AssetPartitionState state(Record r) {
        return new AssetPartitionState(AssetKey.parse(r.get(States.ASSET_KEY)), r.get(States.PARTITION_KEY),
            r.get(States.CODE_VERSION), r.get(States.DATA_VERSION), Json.stringMap(r.get(States.INPUT_DATA_VERSIONS)),
            r.get(States.MATERIALIZED_AT), r.get(States.RUN_ID), r.get(States.ROW_COUNT));
    }
}
