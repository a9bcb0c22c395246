package dev.martello.core.runs;

import javax.sql.DataSource;

/**
 * The metadata store's database, for features that keep their own tables there (backfills, the Quartz job store):
 * its pooled connections and whether it is PostgreSQL (else the embedded H2). Closing the store closes the pool.
 */
public record MetadataDatabase(DataSource dataSource, boolean postgres) {
}
