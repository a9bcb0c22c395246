package dev.martello.core.warehouse;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the warehouse is: a JDBC URL (its prefix picks the dialect), credentials and the connection pool size.
 *
 * <p>{@code WarehouseConfig.duckDb(Path.of("data"))},
 * {@code WarehouseConfig.of("jdbc:postgresql://db/dwh").withCredentials("etl", password)}
 */
public record WarehouseConfig(String url, String user, String password, int maxConnections) {
    /** The embedded default's file name inside a workspace's data directory. */
    public static final String DUCKDB_FILE = "warehouse.duckdb";

    public WarehouseConfig {
        Objects.requireNonNull(url, "url");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
    }

    public static WarehouseConfig of(String url) {
        return new WarehouseConfig(url, null, null, 8);
    }

    /** The embedded default: a DuckDB file in {@code dataDir}, created on first use. */
    public static WarehouseConfig duckDb(Path dataDir) {
        return of("jdbc:duckdb:" + dataDir.toAbsolutePath().resolve(DUCKDB_FILE));
    }

    public WarehouseConfig withCredentials(String user, String password) {
        return new WarehouseConfig(url, user, password, maxConnections);
    }

    public WarehouseConfig withMaxConnections(int max) {
        return new WarehouseConfig(url, user, password, max);
    }

    /** Never shows the password: configs end up in logs. */
    @Override
    public String toString() {
        return "WarehouseConfig[url=" + url + ", user=" + user + ", maxConnections=" + maxConnections + "]";
    }
}
