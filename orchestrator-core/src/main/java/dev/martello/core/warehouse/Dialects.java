package dev.martello.core.warehouse;

import java.util.List;

/** Picks the dialect a warehouse URL names, configured with what only some warehouses use (Snowflake's options). */
final class Dialects {
    private static final List<Dialect> FIXED = List.of(new DuckDbDialect(), new H2Dialect(), new PostgresDialect());

    private Dialects() {
    }

    static Dialect forConfig(WarehouseConfig config) {
        if (SnowflakeDialect.acceptsUrl(config.url())) {
            return new SnowflakeDialect(config.schemaPrefix(), config.publish(), new QueryTags());
        }
        Dialect dialect = FIXED.stream().filter(d -> d.accepts(config.url())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No warehouse dialect for URL '" + config.url()
                + "': use jdbc:duckdb:, jdbc:h2:, jdbc:postgresql: or jdbc:snowflake:."));
        if (!config.schemaPrefix().isEmpty()) {
            throw new IllegalArgumentException("A schema prefix ('" + config.schemaPrefix() + "') is supported on"
                + " Snowflake only; the " + dialect.name() + " warehouse publishes each mart in the schema of its"
                + " name. Remove schemaPrefix, or use one database per environment.");
        }
        return dialect;
    }
}
