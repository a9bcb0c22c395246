package dev.martello.core.runs.jooq;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Metadata-store migration 4, H2 only: the {@code event_log} identity hands out ids from a cache of 1,000 instead of
 * H2's default 32.
 *
 * <p>Why: H2 persists an identity's sequence each time its cache runs out, in a transaction of its own, and with
 * {@code WRITE_DELAY=0} every commit writes a chunk to the file. At 32 that was an extra commit every 32 events, a
 * quarter of the event log's CPU in {@code EventLogBenchmark}. Crash safety is unchanged: the sequence is persisted
 * (and synced) before any id beyond it is handed out, so after a SIGKILL H2 resumes above every id it gave, leaving a
 * gap of at most 1,000.
 *
 * <p>Not on PostgreSQL, where a sequence cache is per connection: ids would stop following insertion order across
 * connections, and readers that page the log by id ({@code materializationsAfter}) would skip events. It is a Java
 * migration because Flyway's SQL migrations here must run unchanged on both databases.
 */
public final class V4__EventLogIdCache extends BaseJavaMigration {
    /** The identity's cache size on H2; also read by tests. */
    public static final int H2_CACHE = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"H2".equals(product)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE event_log ALTER COLUMN id SET CACHE " + H2_CACHE);
        }
    }
}
