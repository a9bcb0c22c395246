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
 * The defaults are standard SQL that DuckDB, H2, PostgreSQL and Snowflake share. A Snowflake dialect would add a
 * {@code SWAP WITH} publisher (its DDL autocommits, like H2's, and its views bind late, like DuckDB's) and upper-case
 * identifier matching.
 */
sealed interface Dialect permits DuckDbDialect, H2Dialect, PostgresDialect {
    DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The short name shown in messages, e.g. {@code duckdb}. */
    String name();

    boolean accepts(String jdbcUrl);

    /** The URL to connect with; a dialect may add settings the engine relies on. */
    default String prepareUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /**
     * Run on every new connection. Sessions are set to UTC so that partition windows, rendered as UTC timestamp
     * literals, select the same rows on every backend.
     */
    String sessionSetup();

    /**
     * A statement making the current transaction wait at most {@code wait} for a lock, where the warehouse makes DDL
     * wait for readers (PostgreSQL's DROP waits for every open reader of the table); empty where it does not.
     */
    default Optional<String> lockTimeout(Duration wait) {
        return Optional.empty();
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
            java.util.List.of(schema)) > 0;
    }

    /** Identifiers are the DSL's normalised lower-case names; quoting keeps them lower case everywhere. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    default String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
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
