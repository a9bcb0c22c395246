package dev.martello.core.backfill.jooq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.core.backfill.Backfill;
import dev.martello.core.backfill.BackfillStatus;
import dev.martello.core.backfill.BackfillStore;
import dev.martello.core.runs.MetadataDatabase;
import dev.martello.dsl.AssetKey;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link BackfillStore} on the {@code backfill} table of {@code V2}, and {@code run_step} for past failures. */
public final class JooqBackfillStore implements BackfillStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Table<Record> BACKFILL = DSL.table(DSL.unquotedName("backfill"));
    private static final Field<String> ID = text("id");
    private static final Field<String> WORKSPACE = text("workspace");
    private static final Field<String> SELECTION = text("selection");
    private static final Field<String> PARTITIONS = text("partitions");
    private static final Field<Integer> CHUNK_SIZE = integer("chunk_size");
    private static final Field<Integer> NEXT_CHUNK = integer("next_chunk");
    private static final Field<Integer> CHUNKS = integer("chunks");
    private static final Field<Integer> PRIORITY = integer("priority");
    private static final Field<String> STATUS = text("status");
    private static final Field<Instant> CREATED_AT = DSL.field(DSL.unquotedName("backfill", "created_at"),
        SQLDataType.INSTANT);
    private static final Field<Instant> FINISHED_AT = DSL.field(DSL.unquotedName("backfill", "finished_at"),
        SQLDataType.INSTANT);
    private static final Field<String> MESSAGE = text("message");

    private static final List<Field<?>> COLUMNS = List.of(ID, WORKSPACE, SELECTION, PARTITIONS, CHUNK_SIZE,
        NEXT_CHUNK, CHUNKS, PRIORITY, STATUS, CREATED_AT, MESSAGE);

    private static final Table<Record> STEP = DSL.table(DSL.unquotedName("run_step"));
    private static final Field<String> STEP_ASSET = DSL.field(DSL.unquotedName("run_step", "asset_key"),
        SQLDataType.VARCHAR);
    private static final Field<String> STEP_PARTITION = DSL.field(DSL.unquotedName("run_step", "partition_key"),
        SQLDataType.VARCHAR);
    private static final Field<String> STEP_STATUS = DSL.field(DSL.unquotedName("run_step", "status"),
        SQLDataType.VARCHAR);
    private static final Field<Instant> STEP_FINISHED = DSL.field(DSL.unquotedName("run_step", "finished_at"),
        SQLDataType.INSTANT);

    private final DSLContext db;

    public JooqBackfillStore(MetadataDatabase database) {
        this.db = DSL.using(database.dataSource(), database.postgres() ? SQLDialect.POSTGRES : SQLDialect.H2);
    }

    @Override
    public void create(Backfill b) {
        db.insertInto(BACKFILL)
            .set(ID, b.id()).set(WORKSPACE, b.workspace()).set(SELECTION, b.selection())
            .set(PARTITIONS, write(b.partitions())).set(CHUNK_SIZE, b.chunkSize()).set(NEXT_CHUNK, b.nextChunk())
            .set(CHUNKS, b.chunks()).set(PRIORITY, b.priority()).set(STATUS, b.status().name())
            .set(CREATED_AT, b.createdAt()).set(MESSAGE, b.message())
            .execute();
    }

    @Override
    public Optional<Backfill> backfill(String id) {
        return db.select(COLUMNS).from(BACKFILL).where(ID.eq(id)).fetchOptional(JooqBackfillStore::backfill);
    }

    @Override
    public List<Backfill> launching(String workspace) {
        return db.select(COLUMNS).from(BACKFILL).where(WORKSPACE.eq(workspace), STATUS.eq(BackfillStatus.LAUNCHING.name()))
            .orderBy(CREATED_AT, ID).fetch(JooqBackfillStore::backfill);
    }

    @Override
    public void advance(String id, int nextChunk, BackfillStatus status) {
        var update = db.update(BACKFILL).set(NEXT_CHUNK, nextChunk).set(STATUS, status.name());
        (status == BackfillStatus.LAUNCHED ? update.set(FINISHED_AT, Instant.now()) : update)
            .where(ID.eq(id), STATUS.eq(BackfillStatus.LAUNCHING.name())).execute();
    }

    @Override
    public boolean cancel(String id, Instant at, String reason) {
        return db.update(BACKFILL).set(STATUS, BackfillStatus.CANCELED.name()).set(FINISHED_AT, at)
            .set(MESSAGE, reason)
            .where(ID.eq(id), STATUS.eq(BackfillStatus.LAUNCHING.name())).execute() == 1;
    }

    @Override
    public Map<AssetKey, Map<String, Instant>> lastFailures(Collection<AssetKey> assets) {
        Map<AssetKey, Map<String, Instant>> failed = new HashMap<>();
        Map<String, Instant> lastSuccess = new HashMap<>();
        List<String> keys = assets.stream().map(AssetKey::toString).toList();
        db.select(STEP_ASSET, STEP_PARTITION, STEP_STATUS, DSL.max(STEP_FINISHED)).from(STEP)
            .where(STEP_ASSET.in(keys), STEP_STATUS.in("FAILED", "SUCCEEDED"))
            .groupBy(STEP_ASSET, STEP_PARTITION, STEP_STATUS)
            .forEach(r -> {
                if (r.value3().equals("SUCCEEDED")) {
                    lastSuccess.put(r.value1() + "\u0000" + r.value2(), r.value4());
                } else {
                    failed.computeIfAbsent(AssetKey.parse(r.value1()), k -> new HashMap<>()).put(r.value2(),
                        r.value4());
                }
            });
        failed.forEach((asset, parts) -> parts.entrySet().removeIf(e -> {
            Instant ok = lastSuccess.get(asset + "\u0000" + e.getKey());
            return ok != null && e.getValue() != null && !ok.isBefore(e.getValue());
        }));
        return failed;
    }

    private static Backfill backfill(Record r) {
        return new Backfill(r.get(ID), r.get(WORKSPACE), r.get(SELECTION), read(r.get(PARTITIONS)),
            r.get(CHUNK_SIZE), r.get(NEXT_CHUNK), r.get(CHUNKS), r.get(PRIORITY), BackfillStatus.valueOf(r.get(STATUS)),
            r.get(CREATED_AT), r.get(MESSAGE));
    }

    private static Field<String> text(String name) {
        return DSL.field(DSL.unquotedName("backfill", name), SQLDataType.VARCHAR);
    }

    private static Field<Integer> integer(String name) {
        return DSL.field(DSL.unquotedName("backfill", name), SQLDataType.INTEGER);
    }

    private static String write(List<String> partitions) {
        try {
            return JSON.writeValueAsString(partitions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the backfill table holds invalid JSON: " + json, e);
        }
    }
}
