package dev.martello.core.observation.jooq;

import dev.martello.core.observation.MaterializationEntry;
import dev.martello.core.observation.ObservationStore;
import dev.martello.core.observation.SourceObservation;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.SourceKey;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ObservationStore} in the metadata database: table {@code source_observation} of
 * {@code V3__automation_freshness.sql}, and the {@code MATERIALIZED} rows of the run store's {@code event_log}.
 */
public final class JooqObservationStore implements ObservationStore {
    private static final Table<Record> OBS = DSL.table(DSL.unquotedName("source_observation"));
    private static final Field<Long> OBS_ID = DSL.field(DSL.unquotedName("source_observation", "id"),
        SQLDataType.BIGINT);
    private static final Field<String> SOURCE_KEY = text("source_observation", "source_key");
    private static final Field<Instant> OBSERVED_AT = DSL.field(DSL.unquotedName("source_observation", "observed_at"),
        SQLDataType.INSTANT);
    private static final Field<String> DATA_VERSION = text("source_observation", "data_version");

    private static final Table<Record> EVENTS = DSL.table(DSL.unquotedName("event_log"));
    private static final Field<Long> EVENT_ID = DSL.field(DSL.unquotedName("event_log", "id"), SQLDataType.BIGINT);
    private static final Field<String> EVENT_TYPE = text("event_log", "event_type");
    private static final Field<String> ASSET_KEY = text("event_log", "asset_key");
    private static final Field<String> PARTITION_KEY = text("event_log", "partition_key");
    private static final Field<Instant> OCCURRED_AT = DSL.field(DSL.unquotedName("event_log", "occurred_at"),
        SQLDataType.INSTANT);

    private final DSLContext db;

    private JooqObservationStore(DSLContext db) {
        this.db = db;
    }

    /** The observation store in the database of {@code runs} (opened by {@link MetadataStores}). */
    public static ObservationStore on(RunStore runs) {
        return new JooqObservationStore(MetadataStores.database(runs));
    }

    @Override
    public SourceObservation record(SourceKey source, Instant observedAt, String dataVersion) {
        Long id = db.insertInto(OBS)
            .set(SOURCE_KEY, source.toString())
            .set(OBSERVED_AT, observedAt)
            .set(DATA_VERSION, clip(dataVersion))
            .returningResult(OBS_ID)
            .fetchOne(r -> r.value1());
        return new SourceObservation(id == null ? 0 : id, source, observedAt, clip(dataVersion));
    }

    @Override
    public Map<SourceKey, SourceObservation> latestObservations() {
        Map<SourceKey, SourceObservation> out = new HashMap<>();
        db.select(OBS_ID, SOURCE_KEY, OBSERVED_AT, DATA_VERSION).from(OBS)
            .where(OBS_ID.in(DSL.select(DSL.max(OBS_ID)).from(OBS).groupBy(SOURCE_KEY)))
            .forEach(r -> {
                SourceObservation o = observation(r);
                out.put(o.source(), o);
            });
        return out;
    }

    @Override
    public List<SourceObservation> observationsAfter(long afterId, int limit) {
        return db.select(OBS_ID, SOURCE_KEY, OBSERVED_AT, DATA_VERSION).from(OBS)
            .where(OBS_ID.gt(afterId)).orderBy(OBS_ID).limit(limit)
            .fetch(JooqObservationStore::observation);
    }

    @Override
    public long lastObservationId() {
        Long max = db.select(DSL.max(OBS_ID)).from(OBS).fetchOne(r -> r.value1());
        return max == null ? 0 : max;
    }

    @Override
    public List<MaterializationEntry> materializationsAfter(long afterEventId, int limit) {
        return db.select(EVENT_ID, ASSET_KEY, PARTITION_KEY, OCCURRED_AT).from(EVENTS)
            .where(EVENT_ID.gt(afterEventId), EVENT_TYPE.eq("MATERIALIZED"))
            .orderBy(EVENT_ID).limit(limit)
            .fetch(r -> new MaterializationEntry(r.value1(),
                new AssetPartition(AssetKey.parse(r.value2()), r.value3()), r.value4()));
    }

    @Override
    public long lastEventId() {
        Long max = db.select(DSL.max(EVENT_ID)).from(EVENTS).fetchOne(r -> r.value1());
        return max == null ? 0 : max;
    }

    private static SourceObservation observation(org.jooq.Record4<Long, String, Instant, String> r) {
        return new SourceObservation(r.value1(), SourceKey.parse(r.value2()), r.value3(), r.value4());
    }

    private static String clip(String value) {
        return value.length() <= 400 ? value : value.substring(0, 400);
    }

    private static Field<String> text(String table, String column) {
        return DSL.field(DSL.unquotedName(table, column), SQLDataType.VARCHAR);
    }
}
