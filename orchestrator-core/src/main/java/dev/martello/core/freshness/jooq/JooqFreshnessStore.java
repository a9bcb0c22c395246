package dev.martello.core.freshness.jooq;

import dev.martello.core.freshness.FreshnessStatus;
import dev.martello.core.freshness.FreshnessStore;
import dev.martello.core.freshness.FreshnessTransition;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.dsl.AssetKey;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link FreshnessStore} in the metadata database: table {@code freshness_transition}. */
public final class JooqFreshnessStore implements FreshnessStore {
    private static final Table<Record> T = DSL.table(DSL.unquotedName("freshness_transition"));
    private static final Field<Long> ID = DSL.field(DSL.unquotedName("freshness_transition", "id"),
        SQLDataType.BIGINT);
    private static final Field<String> ASSET_KEY = text("asset_key");
    private static final Field<String> PARTITION_KEY = text("partition_key");
    private static final Field<Instant> CHANGED_AT = DSL.field(DSL.unquotedName("freshness_transition",
        "changed_at"), SQLDataType.INSTANT);
    private static final Field<String> FROM_STATUS = text("from_status");
    private static final Field<String> TO_STATUS = text("to_status");
    private static final Field<String> REASON = text("reason");
    private static final List<Field<?>> COLUMNS = List.of(ID, ASSET_KEY, PARTITION_KEY, CHANGED_AT, FROM_STATUS,
        TO_STATUS, REASON);

    private final DSLContext db;

    private JooqFreshnessStore(DSLContext db) {
        this.db = db;
    }

    /** The freshness store in the database of {@code runs} (opened by {@link MetadataStores}). */
    public static FreshnessStore on(RunStore runs) {
        return new JooqFreshnessStore(MetadataStores.database(runs));
    }

    @Override
    public void record(List<FreshnessTransition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        db.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            BatchBindStep batch = tx.batch(tx.insertInto(T, ASSET_KEY, PARTITION_KEY, CHANGED_AT, FROM_STATUS,
                TO_STATUS, REASON).values((String) null, null, null, null, null, null));
            for (FreshnessTransition t : transitions) {
                batch.bind(t.target().asset().toString(), t.target().partition(), t.at(),
                    t.from() == null ? null : t.from().name(), t.to().name(),
                    t.reason().length() <= 4000 ? t.reason() : t.reason().substring(0, 4000));
            }
            batch.execute();
        });
    }

    @Override
    public Map<AssetPartition, FreshnessTransition> latest() {
        Map<AssetPartition, FreshnessTransition> out = new HashMap<>();
        db.select(COLUMNS).from(T)
            .where(ID.in(DSL.select(DSL.max(ID)).from(T).groupBy(ASSET_KEY, PARTITION_KEY)))
            .forEach(r -> {
                FreshnessTransition t = transition(r);
                out.put(t.target(), t);
            });
        return out;
    }

    @Override
    public List<FreshnessTransition> assetHistory(Instant from, Instant to) {
        List<FreshnessTransition> out = new ArrayList<>();
        db.select(COLUMNS).from(T)
            .where(ID.in(DSL.select(DSL.max(ID)).from(T)
                .where(PARTITION_KEY.eq(""), CHANGED_AT.le(from)).groupBy(ASSET_KEY)))
            .forEach(r -> out.add(transition(r)));
        db.select(COLUMNS).from(T)
            .where(PARTITION_KEY.eq(""), CHANGED_AT.gt(from), CHANGED_AT.le(to))
            .forEach(r -> out.add(transition(r)));
        out.sort(Comparator.comparing(FreshnessTransition::at));
        return out;
    }

    private static FreshnessTransition transition(Record r) {
        String from = r.get(FROM_STATUS);
        return new FreshnessTransition(new AssetPartition(AssetKey.parse(r.get(ASSET_KEY)), r.get(PARTITION_KEY)),
            r.get(CHANGED_AT), from == null ? null : FreshnessStatus.valueOf(from),
            FreshnessStatus.valueOf(r.get(TO_STATUS)), r.get(REASON));
    }

    private static Field<String> text(String column) {
        return DSL.field(DSL.unquotedName("freshness_transition", column), SQLDataType.VARCHAR);
    }
}
