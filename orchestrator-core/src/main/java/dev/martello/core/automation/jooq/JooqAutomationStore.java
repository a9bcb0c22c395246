package dev.martello.core.automation.jooq;

import dev.martello.core.automation.AutomationStore;
import dev.martello.core.automation.Decision;
import dev.martello.core.automation.Evaluation;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.StepStatus;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link AutomationStore} in the metadata database: {@code automation_evaluation}, and the run tables read-only. */
public final class JooqAutomationStore implements AutomationStore {
    private static final Table<Record> EVALS = DSL.table(DSL.unquotedName("automation_evaluation"));
    private static final Field<Long> ID = DSL.field(DSL.unquotedName("automation_evaluation", "id"),
        SQLDataType.BIGINT);
    private static final Field<String> ASSET_KEY = text("automation_evaluation", "asset_key");
    private static final Field<String> PARTITION_KEY = text("automation_evaluation", "partition_key");
    private static final Field<Instant> EVALUATED_AT = instant("automation_evaluation", "evaluated_at");
    private static final Field<String> POLICY = text("automation_evaluation", "policy");
    private static final Field<String> DECISION = text("automation_evaluation", "decision");
    private static final Field<String> REASON = text("automation_evaluation", "reason");
    private static final Field<Instant> CRON_TICK = instant("automation_evaluation", "cron_tick");
    private static final List<Field<?>> COLUMNS = List.of(ASSET_KEY, PARTITION_KEY, EVALUATED_AT, POLICY, DECISION,
        REASON, CRON_TICK);

    private static final Table<Record> RUN = DSL.table(DSL.unquotedName("run"));
    private static final Field<String> RUN_ID = text("run", "id");
    private static final Field<String> RUN_STATUS = text("run", "status");
    private static final Table<Record> STEP = DSL.table(DSL.unquotedName("run_step"));
    private static final Field<String> STEP_RUN = text("run_step", "run_id");
    private static final Field<String> STEP_ASSET = text("run_step", "asset_key");
    private static final Field<String> STEP_PARTITION = text("run_step", "partition_key");
    private static final Field<String> STEP_STATUS = text("run_step", "status");

    private final DSLContext db;

    private JooqAutomationStore(DSLContext db) {
        this.db = db;
    }

    /** The automation store in the database of {@code runs} (opened by {@link MetadataStores}). */
    public static AutomationStore on(RunStore runs) {
        return new JooqAutomationStore(MetadataStores.database(runs));
    }

    @Override
    public Map<AssetPartition, String> inProgress() {
        Map<AssetPartition, String> out = new HashMap<>();
        db.select(STEP_ASSET, STEP_PARTITION, STEP_RUN).from(STEP).join(RUN).on(RUN_ID.eq(STEP_RUN))
            .where(RUN_STATUS.in(RunStatus.QUEUED.name(), RunStatus.STARTED.name()),
                STEP_STATUS.in(StepStatus.PENDING.name(), StepStatus.RUNNING.name()))
            .forEach(r -> out.put(new AssetPartition(AssetKey.parse(r.value1()), r.value2()), r.value3()));
        return out;
    }

    @Override
    public void record(List<Evaluation> evaluations) {
        if (evaluations.isEmpty()) {
            return;
        }
        db.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            BatchBindStep batch = tx.batch(tx.insertInto(EVALS, ASSET_KEY, PARTITION_KEY, EVALUATED_AT, POLICY,
                DECISION, REASON, CRON_TICK).values((String) null, null, null, null, null, null, null));
            for (Evaluation e : evaluations) {
                batch.bind(e.target().asset().toString(), e.target().partition(), e.at(), clip(e.policy(), 200),
                    e.decision().name(), clip(e.reason(), 4000), e.cronTick());
            }
            batch.execute();
        });
    }

    @Override
    public List<Evaluation> evaluations(AssetKey asset, Instant at, int limit) {
        return db.select(COLUMNS).from(EVALS)
            .where(ASSET_KEY.eq(asset.toString()), EVALUATED_AT.le(at))
            .orderBy(EVALUATED_AT.desc(), ID.desc())
            .limit(limit)
            .fetch(JooqAutomationStore::evaluation);
    }

    @Override
    public Map<AssetPartition, Evaluation> lastRequests() {
        Map<AssetPartition, Evaluation> out = new HashMap<>();
        db.select(COLUMNS).from(EVALS)
            .where(ID.in(DSL.select(DSL.max(ID)).from(EVALS).where(DECISION.eq(Decision.REQUESTED.name()))
                .groupBy(ASSET_KEY, PARTITION_KEY)))
            .forEach(r -> {
                Evaluation e = evaluation(r);
                out.put(e.target(), e);
            });
        return out;
    }

    private static Evaluation evaluation(Record r) {
        return new Evaluation(new AssetPartition(AssetKey.parse(r.get(ASSET_KEY)), r.get(PARTITION_KEY)),
            r.get(EVALUATED_AT), r.get(POLICY), Decision.valueOf(r.get(DECISION)), r.get(REASON), r.get(CRON_TICK));
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static Field<String> text(String table, String column) {
        return DSL.field(DSL.unquotedName(table, column), SQLDataType.VARCHAR);
    }

    private static Field<Instant> instant(String table, String column) {
        return DSL.field(DSL.unquotedName(table, column), SQLDataType.INSTANT);
    }
}
