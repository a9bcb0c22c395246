package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.SqlType;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Snowflake, through snowflake-jdbc. DDL commits implicitly, so a table is published by one statement: {@code ALTER
 * TABLE … SWAP WITH} the checked version ({@link SwapWith}), or, when configured, by repointing a view over versioned
 * tables ({@link RepointView}). Views bind late, by name, so dependent views follow either. Unquoted names fold to
 * upper case in Snowflake, so the engine's lower-case identifiers are quoted upper case: analysts' unquoted SQL
 * ({@code select id from commerce.orders}) finds what the engine built. Sessions run in UTC through the
 * {@code TIMEZONE} session parameter, set at login; each materialization's statements carry a query tag naming its
 * run and asset.
 *
 * @param schemaPrefix prepended to every asset's schema, e.g. {@code dev_} publishes {@code commerce/orders} as
 *                     {@code DEV_COMMERCE.ORDERS}; sources keep their schema
 */
record SnowflakeDialect(String schemaPrefix, WarehouseConfig.TablePublish publish, QueryTags tags)
    implements Dialect {
    private static final String PREFIX = "jdbc:snowflake:";
    /** The driver puts Snowflake's error code and SQL state before the message: {@code 002003 (42S02): …}. */
    private static final Pattern CODE = Pattern.compile("^\\d{6} \\([0-9A-Z]{5}\\): ");
    private static final Map<String, String> DISPLAY = Map.of("timestampntz", "timestamp_ntz",
        "timestampltz", "timestamp_ltz", "timestamptz", "timestamp_tz");

    static boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl.startsWith(PREFIX);
    }

    @Override
    public String name() {
        return "snowflake";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return acceptsUrl(jdbcUrl);
    }

    /** Set at login instead ({@link #connectionProperties()}): one round trip less per connection. */
    @Override
    public String sessionSetup() {
        return null;
    }

    /** snowflake-jdbc sends unknown connection properties as session parameters. */
    @Override
    public Map<String, String> connectionProperties() {
        return Map.of("TIMEZONE", "UTC");
    }

    /**
     * Snowflake lists views in {@code information_schema.tables}; fakesnow, the test server, does not. Views are
     * looked up on their own when a name is not found: one more catalog query, and the same answer on both.
     */
    @Override
    public boolean listsViewsInTables() {
        return false;
    }

    @Override
    public Optional<RelationKind> kindOf(Session session, String schema, String name) {
        Optional<RelationKind> kind = Catalog.kindOf(session, schema, name);
        return kind.isPresent() || !Catalog.isView(session, schema, name) ? kind : Optional.of(RelationKind.VIEW);
    }

    @Override
    public Publisher publisher() {
        return publish == WarehouseConfig.TablePublish.VIEW ? new RepointView() : new SwapWith();
    }

    @Override
    public String schemaOf(NodeKey node) {
        return node instanceof AssetKey ? schemaPrefix + node.schema() : node.schema();
    }

    @Override
    public String quote(String identifier) {
        return '"' + catalogName(identifier).replace("\"", "\"\"") + '"';
    }

    @Override
    public String catalogName(String identifier) {
        return identifier.toUpperCase(Locale.ROOT);
    }

    @Override
    public String engineName(String catalogName) {
        return catalogName.toLowerCase(Locale.ROOT);
    }

    /** A renamed table stays in its schema only when the new name says so. */
    @Override
    public String renameTarget(String schema, String name) {
        return qualified(schema, name);
    }

    /** Backslash starts an escape sequence in Snowflake's string literals. */
    @Override
    public String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String typeName(SqlType type) {
        return switch (type) {
            case DOUBLE -> "double";
            case DECIMAL -> "number(38, 9)";
            case TIMESTAMP -> "timestamp_ntz";
            default -> type.label();
        };
    }

    @Override
    public String displayType(String driverTypeName) {
        String lower = driverTypeName.toLowerCase(Locale.ROOT);
        return DISPLAY.getOrDefault(lower, lower);
    }

    @Override
    public void tag(Session session, String runId, AssetKey asset) {
        tags.tag(session, runId, asset);
    }

    @Override
    public void untag(Session session) {
        tags.untag(session);
    }

    @Override
    public String message(SQLException e) {
        return CODE.matcher(Dialect.super.message(e)).replaceFirst("");
    }
}
