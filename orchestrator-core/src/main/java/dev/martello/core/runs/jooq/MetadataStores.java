package dev.martello.core.runs.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.martello.core.runs.MetadataDatabase;
import dev.martello.core.runs.RunStore;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Opens the metadata store: an H2 file (the embedded default) or a PostgreSQL database, behind a connection pool,
 * migrated to the schema this build expects before it is handed out.
 *
 * <p>{@code try (RunStore store = MetadataStores.h2(dataDir.resolve("metadata"))) { … }}
 */
public final class MetadataStores {
    private static final String MIGRATIONS = "classpath:db/metadata";

    static {
        // jOOQ prints a banner and tips on first use; they would end up in every CLI command's output.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private MetadataStores() {
    }

    /** An H2 database in {@code file} (H2 adds {@code .mv.db}); one process at a time may open it. */
    public static RunStore h2(Path file) {
        HikariConfig config = new HikariConfig();
        // WRITE_DELAY=0: by default H2 writes commits to the file up to a second later, so a SIGKILL lost every run
        // committed in that second; now each commit reaches the file (~0.25 ms each, hence batches).
        // DB_CLOSE_ON_EXIT=FALSE: the pool closes the database; H2's own shutdown hook would race runs still writing.
        // async: the file through an AsynchronousFileChannel, which an interrupt does not close (H2 waits for the I/O
        // and sets the interrupt again). With a FileChannel, one interrupted thread touching the file closed the whole
        // database: stopping Quartz (it interrupts its threads) did that, and `serve` then hung on SIGTERM.
        config.setJdbcUrl("jdbc:h2:async:" + file.toAbsolutePath()
            + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        return open(config, SQLDialect.H2, "H2 file " + file.toAbsolutePath() + ".mv.db");
    }

    /**
     * A PostgreSQL database, e.g. {@code jdbc:postgresql://db:5432/martello} (add {@code ?currentSchema=x} for a
     * schema of its own); the user must be able to create tables there.
     */
    public static RunStore postgres(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return open(config, SQLDialect.POSTGRES, "PostgreSQL " + jdbcUrl);
    }

    private static RunStore open(HikariConfig config, SQLDialect dialect, String where) {
        config.setPoolName("martello-metadata");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the metadata store (" + where + "): " + reason(e), e);
        }
        try {
            // Flyway locks the schema history table, so nodes starting together migrate once.
            // The SQL migrations of db/metadata, and the Java ones (database-specific settings) listed here.
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).javaMigrations(new V4__EventLogIdCache())
                .load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("Cannot migrate the metadata store (" + where + "): " + reason(e), e);
        }
        // jOOQ logs each statement at DEBUG under org.jooq.tools.LoggerListener; keep that logger at INFO or above.
        // (Settings.withExecuteLogging(false) would do it here, but naming jOOQ's Settings makes javac warn about its
        // missing JAXB annotations on every build.)
        return new JooqRunStore(DSL.using(pool, dialect), pool, new MetadataDatabase(pool, dialect == SQLDialect.POSTGRES));
    }

    /**
     * The jOOQ context of a store this class opened, so that the jOOQ adapters of other features (automation,
     * freshness, observation) use its tables, pool and dialect; never for code outside adapter packages.
     *
     * @throws IllegalArgumentException when {@code store} was not opened here
     */
    public static DSLContext database(RunStore store) {
        if (store instanceof JooqRunStore jooq) {
            return jooq.db();
        }
        throw new IllegalArgumentException("the metadata store " + store.getClass().getName()
            + " is not a jOOQ store opened by MetadataStores; open it with MetadataStores.h2(…) or postgres(…)");
    }

    /** The database driver says best what went wrong; failing that, Flyway or the pool. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return t.getMessage();
            }
        }
        return e.getMessage();
    }
}
