package dev.martello.core.warehouse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the warehouse is: a JDBC URL (its prefix picks the dialect), credentials, driver properties (Snowflake's
 * account, role, warehouse or private-key file), the prefix of the schemas assets are published in, how tables are
 * published where a warehouse offers a choice, and the connection pool size.
 *
 * <p>{@code WarehouseConfig.duckDb(Path.of("data"))},
 * {@code WarehouseConfig.of("jdbc:postgresql://db/dwh").withCredentials("etl", password)}
 *
 * @param properties JDBC driver properties; never shown, they may hold a key's passphrase
 * @param schemaPrefix prepended to every asset's schema (not to sources'), e.g. {@code dev_}; empty for none
 */
public record WarehouseConfig(String url, String user, String password, int maxConnections,
                              Map<String, String> properties, String schemaPrefix, TablePublish publish) {
    /** The embedded default's file name inside a workspace's data directory. */
    public static final String DUCKDB_FILE = "warehouse.duckdb";

    /**
     * How a full table is published on Snowflake, the one warehouse with a choice (the others have one way each).
     * {@code SWAP}: the public name stays a table, exchanged with the checked version by {@code ALTER TABLE … SWAP
     * WITH}. {@code VIEW}: the public name is a view over versioned tables, repointed by {@code CREATE OR REPLACE
     * VIEW}, as on H2 and PostgreSQL.
     */
    public enum TablePublish { SWAP, VIEW }

    public WarehouseConfig {
        Objects.requireNonNull(url, "url");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        schemaPrefix = schemaPrefix == null ? "" : schemaPrefix;
        publish = publish == null ? TablePublish.SWAP : publish;
    }

    public static WarehouseConfig of(String url) {
        return new WarehouseConfig(url, null, null, 8, Map.of(), "", TablePublish.SWAP);
    }

    /** The embedded default: a DuckDB file in {@code dataDir}, created on first use. */
    public static WarehouseConfig duckDb(Path dataDir) {
        return of("jdbc:duckdb:" + dataDir.toAbsolutePath().resolve(DUCKDB_FILE));
    }

    public WarehouseConfig withCredentials(String user, String password) {
        return new WarehouseConfig(url, user, password, maxConnections, properties, schemaPrefix, publish);
    }

    public WarehouseConfig withMaxConnections(int max) {
        return new WarehouseConfig(url, user, password, max, properties, schemaPrefix, publish);
    }

    /** Adds a JDBC driver property; a later value for the same name wins. */
    public WarehouseConfig withProperty(String name, String value) {
        Map<String, String> p = new TreeMap<>(properties);
        p.put(name, value);
        return new WarehouseConfig(url, user, password, maxConnections, p, schemaPrefix, publish);
    }

    public WarehouseConfig withSchemaPrefix(String prefix) {
        return new WarehouseConfig(url, user, password, maxConnections, properties, prefix, publish);
    }

    public WarehouseConfig withPublish(TablePublish how) {
        return new WarehouseConfig(url, user, password, maxConnections, properties, schemaPrefix, how);
    }

    /** Never shows the password or the driver properties' values: configs end up in logs. */
    @Override
    public String toString() {
        return "WarehouseConfig[url=" + url + ", user=" + user + ", maxConnections=" + maxConnections
            + ", properties=" + new TreeMap<>(properties).keySet() + ", schemaPrefix=" + schemaPrefix
            + ", publish=" + publish + "]";
    }
}
