package dev.martello.core.warehouse;

import dev.martello.dsl.SqlType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * DuckDB, the embedded default. DDL is transactional and views bind by name at query time, so a new version is built,
 * checked and published (old table dropped, new one renamed) in one transaction: the public name stays a real table
 * and dependent views follow it. A large version is committed aside before its checks and published in a second
 * transaction ({@link SwapInTransaction}); what a crash leaves then is swept by the next process ({@link CrashSweep}).
 */
record DuckDbDialect() implements Dialect {
    private static final String PREFIX = "jdbc:duckdb:";
    private static final String DRIVER_NOISE = "java.sql.SQLException: ";
    /** DuckDB's driver gives no SQL state; its error types for what class 42 means elsewhere. */
    private static final Object SCHEMA_LOCK = new Object();
    private static final List<String> REJECTED = List.of("Parser Error:", "Catalog Error:", "Binder Error:");

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith(PREFIX);
    }

    /** DuckDB creates its file but not the data directory it lives in. */
    @Override
    public String prepareUrl(String jdbcUrl) {
        String path = jdbcUrl.substring(PREFIX.length()).split("\\?", 2)[0];
        if (!path.isEmpty() && !path.startsWith(":memory:")) {
            Path parent = Path.of(path).toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the warehouse's data directory " + parent, e);
            }
        }
        return jdbcUrl;
    }

    @Override
    public String sessionSetup() {
        return "SET TimeZone = 'UTC'";
    }

    @Override
    public Publisher publisher() {
        return new SwapInTransaction();
    }

    /**
     * DuckDB's catalog functions render every object in the database on each call (milliseconds at a thousand
     * tables); these probes cost microseconds. Only tables have the {@code rowid} pseudo-column. A relation found by
     * the second probe only may be a table another session committed between the two (the first run of another
     * partition), so the first probe is asked again before calling it a view.
     */
    @Override
    public Optional<RelationKind> kindOf(Session session, String schema, String name) {
        String relation = qualified(schema, name);
        String rowid = "select rowid from " + relation + " limit 0";
        if (session.succeeds(rowid)) {
            return Optional.of(RelationKind.TABLE);
        }
        if (!session.succeeds("select * from " + relation + " limit 0")) {
            return Optional.empty();
        }
        return Optional.of(session.succeeds(rowid) ? RelationKind.TABLE : RelationKind.VIEW);
    }

    /**
     * DuckDB has no privileges to respect, and its schema catalog is as slow as its table catalog. Two first
     * materializations of one mart, run at once, would race to create its schema and the loser fail with a catalog
     * write-write conflict (even on an immediate second try, while the winner commits); DuckDB is embedded, so one
     * lock in this process orders them, and the second finds the schema there.
     */
    @Override
    public void ensureSchema(Session session, String schema) {
        synchronized (SCHEMA_LOCK) {
            session.execute("create schema if not exists " + quote(schema));
        }
    }

    /** DuckDB reports its 128-bit and unsigned integers (e.g. {@code sum} of integers) as Java objects. */
    @Override
    public SqlType contractType(int jdbcType, String typeName) {
        return switch (typeName) {
            case "HUGEINT", "UHUGEINT", "UBIGINT" -> SqlType.BIGINT;
            case "UTINYINT", "USMALLINT", "UINTEGER" -> SqlType.INTEGER;
            default -> Dialect.super.contractType(jdbcType, typeName);
        };
    }

    /** The driver wraps the engine's message in another exception's text. */
    @Override
    public String message(SQLException e) {
        String m = Dialect.super.message(e);
        return m.startsWith(DRIVER_NOISE) ? m.substring(DRIVER_NOISE.length()) : m;
    }

    @Override
    public boolean rejectsStatement(SQLException e) {
        String m = message(e);
        return REJECTED.stream().anyMatch(m::startsWith);
    }
}
