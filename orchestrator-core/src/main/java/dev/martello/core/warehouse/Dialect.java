package dev.martello.core.warehouse;

import dev.martello.dsl.SqlType;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What differs between warehouses, kept in one small class each; the engine never asks which backend it talks to.
 * The defaults are standard SQL that DuckDB, H2, PostgreSQL and Snowflake share; Snowflake adds upper-case
 * identifiers, a choice of publisher, schema prefixes and query tags ({@link SnowflakeDialect}).
 */
sealed interface Dialect permits DuckDbDialect, H2Dialect, PostgresDialect, SnowflakeDialect {
    DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The short name shown in messages, e.g. {@code duckdb}. */
    String name();

    boolean accepts(String jdbcUrl);

    /** The URL to connect with; a dialect may add settings the engine relies on. */
    default String prepareUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /**
     * Run on every new connection; null when the URL's settings do it instead. Sessions are set to UTC so that
     * partition windows, rendered as UTC timestamp literals, select the same rows on every backend.
     */
    String sessionSetup();

    /**
     * A statement making the current transaction wait at most {@code wait} for a lock, where the warehouse makes DDL
     * wait for readers (PostgreSQL's DROP waits for every open reader of the table); empty where it does not.
     */
    default Optional<String> lockTimeout(Duration wait) {
        return Optional.empty();
    }

    /**
     * Whether materializations, which all issue DDL, may run in parallel; where not, the warehouse lets one run at a
     * time ({@link OneAtATime}).
     */
    default boolean parallelDdl() {
        return true;
    }

    /** Whether {@code information_schema.tables} lists views too, as the SQL standard says. */
    default boolean listsViewsInTables() {
        return true;
    }

    /** Driver properties the engine relies on, added to the configured ones. */
    default java.util.Map<String, String> connectionProperties() {
        return java.util.Map.of();
    }

    /** The schema a node lives in: an asset's may carry the configured prefix; a source's is its own. */
    default String schemaOf(dev.martello.dsl.NodeKey node) {
        return node.schema();
    }

    /** The quoted, qualified name of an asset or a source. */
    default String relation(dev.martello.dsl.NodeKey node) {
        return qualified(schemaOf(node), node.table());
    }

    /**
     * How the catalog ({@code information_schema}) spells a name the engine quoted: as is, except where quoted names
     * are stored upper case (Snowflake).
     */
    default String catalogName(String identifier) {
        return identifier;
    }

    /** The engine's lower-case spelling of a name (or a view's definition) read from the catalog. */
    default String engineName(String catalogName) {
        return catalogName;
    }

    /**
     * Labels what {@code session} runs next with the run and the asset, so a warehouse admin can find it in the
     * warehouse's query history. Most warehouses have no such label.
     */
    default void tag(Session session, String runId, dev.martello.dsl.AssetKey asset) {
    }

    /** Removes {@link #tag}'s label before the connection goes back to the pool. */
    default void untag(Session session) {
    }

    /** How a table built aside becomes the published version. */
    Publisher publisher();

    /**
     * What {@code schema.name} is, if anything. Called outside transactions, so a dialect may probe with statements
     * that fail (a failed statement aborts the transaction on DuckDB and PostgreSQL).
     */
    default Optional<RelationKind> kindOf(Session session, String schema, String name) {
        return Catalog.kindOf(session, schema, name);
    }

    /**
     * Creates the schema unless it exists. Looked up first: PostgreSQL checks the CREATE privilege even when the schema
     * exists, and a production warehouse user often may write into its schemas but not create new ones.
     */
    default void ensureSchema(Session session, String schema) {
        if (schemaExists(session, schema)) {
            return;
        }
        // Two first materializations of one mart at once: the loser may fail on the catalog's unique key
        // (PostgreSQL), and then finds the schema there.
        String create = "create schema if not exists " + quote(schema);
        if (!session.succeeds(create) && !schemaExists(session, schema)) {
            session.execute(create);
        }
    }

    private boolean schemaExists(Session session, String schema) {
        return session.count("select count(*) from information_schema.schemata where schema_name = ?",
            java.util.List.of(catalogName(schema))) > 0;
    }

    /** Identifiers are the DSL's normalised lower-case names; quoting keeps them lower case everywhere. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    default String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /** The new name in {@code alter table … rename to}: unqualified where that keeps the table in its schema. */
    default String renameTarget(String schema, String name) {
        return quote(name);
    }

    /** A string literal, for partition keys; values compared against data are bound as parameters instead. */
    default String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A UTC timestamp literal for partition windows. */
    default String literal(Instant instant) {
        return "TIMESTAMP '" + TIMESTAMP.format(instant) + "'";
    }

    /** The DDL type of a contract column, for tables the engine creates for Java assets. */
    default String typeName(SqlType type) {
        return switch (type) {
            case DOUBLE -> "double precision";
            case DECIMAL -> "decimal(38, 9)";
            default -> type.label();
        };
    }

    /** The contract type a result column has, or null when the contract has none for it. */
    default SqlType contractType(int jdbcType, String typeName) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> SqlType.INTEGER;
            case Types.BIGINT -> SqlType.BIGINT;
            case Types.DECIMAL, Types.NUMERIC -> SqlType.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> SqlType.DOUBLE;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB -> SqlType.VARCHAR;
            case Types.BOOLEAN, Types.BIT -> SqlType.BOOLEAN;
            case Types.DATE -> SqlType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> SqlType.TIMESTAMP;
            default -> null;
        };
    }

    /** The type name a person knows, for messages. */
    default String displayType(String driverTypeName) {
        return driverTypeName.toLowerCase(java.util.Locale.ROOT);
    }

    /** Creates a session-private table; {@code body} is {@code as select …} or a column list. */
    default String createTemporaryTable(String name, String body) {
        return "create temporary table " + name + " " + body;
    }

    /** Points a view at new SQL in one statement (within the caller's transaction where DDL is transactional). */
    default void replaceView(Session session, String view, String select) {
        session.execute("create or replace view " + view + " as " + select);
    }

    /**
     * Whether the warehouse refused the statement itself (syntax, unknown table or column): SQL state class 42, but for
     * 42501, a missing privilege, which is the platform's grants rather than the statement's fault.
     */
    default boolean rejectsStatement(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("42") && !state.equals("42501");
    }

    /** The warehouse's own message without driver noise. */
    default String message(SQLException e) {
        return String.valueOf(e.getMessage()).strip();
    }
}
