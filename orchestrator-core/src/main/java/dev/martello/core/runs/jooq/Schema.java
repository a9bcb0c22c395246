package dev.martello.core.runs.jooq;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;

/**
 * The tables of {@code db/metadata/V1__runs.sql} and {@code V2}, named without generated code. Names are unquoted so that each
 * database folds them as it folded the DDL (H2 to upper case, PostgreSQL to lower case). Columns are qualified by
 * their table: H2's emulation of an upsert is a {@code MERGE} whose source has the same column names.
 */
final class Schema {
    private Schema() {
    }

    static final class Runs {
        static final Table<Record> TABLE = table("run");
        static final Field<String> ID = text("run", "id");
        static final Field<String> WORKSPACE = text("run", "workspace");
        static final Field<String> SELECTION = text("run", "selection");
        static final Field<String> PARTITIONS = text("run", "partitions");
        static final Field<String> STATUS = text("run", "status");
        static final Field<String> TRIGGERED_BY = text("run", "triggered_by");
        static final Field<Instant> CREATED_AT = instant("run", "created_at");
        static final Field<Instant> STARTED_AT = instant("run", "started_at");
        static final Field<Instant> FINISHED_AT = instant("run", "finished_at");
        static final Field<Instant> CANCEL_REQUESTED_AT = instant("run", "cancel_requested_at");
        static final Field<String> MESSAGE = text("run", "message");
        static final Field<Integer> PRIORITY = column("run", "priority", SQLDataType.INTEGER);
        static final Field<String> POOLS = text("run", "pools");
        static final Field<String> NODE = text("run", "node");
        static final Field<String> RETRY_OF = text("run", "retry_of");
        static final Field<Integer> ATTEMPT = column("run", "attempt", SQLDataType.INTEGER);
    }

    /** {@code V2}: processes that execute runs, and their heartbeats. */
    static final class Nodes {
        static final Table<Record> TABLE = table("node");
        static final Field<String> ID = text("node", "id");
        static final Field<Instant> STARTED_AT = instant("node", "started_at");
        static final Field<Instant> HEARTBEAT_AT = instant("node", "heartbeat_at");
    }

    /** {@code V2}: the one row a queue claim locks. */
    static final class QueueLock {
        static final Table<Record> TABLE = table("queue_lock");
        static final Field<Integer> ID = column("queue_lock", "id", SQLDataType.INTEGER);
    }

    static final class Steps {
        static final Table<Record> TABLE = table("run_step");
        static final Field<String> RUN_ID = text("run_step", "run_id");
        static final Field<String> ASSET_KEY = text("run_step", "asset_key");
        static final Field<String> PARTITION_KEY = text("run_step", "partition_key");
        static final Field<String> STATUS = text("run_step", "status");
        static final Field<Integer> ATTEMPTS = column("run_step", "attempts", SQLDataType.INTEGER);
        static final Field<Instant> STARTED_AT = instant("run_step", "started_at");
        static final Field<Instant> FINISHED_AT = instant("run_step", "finished_at");
        static final Field<String> FAILURE_KIND = text("run_step", "failure_kind");
        static final Field<String> MESSAGE = text("run_step", "message");
    }

    static final class Events {
        static final Table<Record> TABLE = table("event_log");
        static final Field<Long> ID = column("event_log", "id", SQLDataType.BIGINT);
        static final Field<String> RUN_ID = text("event_log", "run_id");
        static final Field<Instant> OCCURRED_AT = instant("event_log", "occurred_at");
        static final Field<String> EVENT_TYPE = text("event_log", "event_type");
        static final Field<String> ASSET_KEY = text("event_log", "asset_key");
        static final Field<String> PARTITION_KEY = text("event_log", "partition_key");
        static final Field<String> PAYLOAD = text("event_log", "payload");
    }

    static final class States {
        static final Table<Record> TABLE = table("asset_partition_state");
        static final Field<String> ASSET_KEY = text("asset_partition_state", "asset_key");
        static final Field<String> PARTITION_KEY = text("asset_partition_state", "partition_key");
        static final Field<String> CODE_VERSION = text("asset_partition_state", "code_version");
        static final Field<String> DATA_VERSION = text("asset_partition_state", "data_version");
        static final Field<String> INPUT_DATA_VERSIONS = text("asset_partition_state", "input_data_versions");
        static final Field<Instant> MATERIALIZED_AT = instant("asset_partition_state", "materialized_at");
        static final Field<String> RUN_ID = text("asset_partition_state", "run_id");
        static final Field<Long> ROW_COUNT = column("asset_partition_state", "row_count", SQLDataType.BIGINT);
    }

    static final class Locks {
        static final Table<Record> TABLE = table("partition_lock");
        static final Field<String> ASSET_KEY = text("partition_lock", "asset_key");
        static final Field<String> PARTITION_KEY = text("partition_lock", "partition_key");
        static final Field<String> RUN_ID = text("partition_lock", "run_id");
        static final Field<Instant> LOCKED_AT = instant("partition_lock", "locked_at");
    }

    private static Table<Record> table(String name) {
        return DSL.table(DSL.unquotedName(name));
    }

    private static <T> Field<T> column(String table, String name, DataType<T> type) {
        return DSL.field(DSL.unquotedName(table, name), type);
    }

    private static Field<String> text(String table, String name) {
        return column(table, name, SQLDataType.VARCHAR);
    }

    private static Field<Instant> instant(String table, String name) {
        return column(table, name, SQLDataType.INSTANT);
    }
}
