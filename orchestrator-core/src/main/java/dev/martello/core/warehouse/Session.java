package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One connection doing one piece of work for one asset: every statement runs under the work's {@link StatementGuard}
 * and every {@link SQLException} becomes a {@link WarehouseException} (or a cancellation), so callers never see JDBC.
 */
final class Session implements AutoCloseable {
    private static final int SAMPLE_ROWS = 3;

    private final Connection connection;
    private final Dialect dialect;
    private final StatementGuard guard;
    private final AssetKey subject;
    private final String action;
    private final Release release;
    private final WarehouseMemory memory;
    private boolean failed;
    private boolean userSql;

    /** How the connection goes back to the pool; {@code reusable} is false when it should be closed instead. */
    @FunctionalInterface
    interface Release {
        void release(Connection connection, boolean reusable) throws SQLException;
    }

    Session(Connection connection, Dialect dialect, StatementGuard guard, AssetKey subject, String action,
            Release release) {
        this(connection, dialect, guard, subject, action, release, WarehouseMemory.empty());
    }

    /** @param memory what the warehouse's sessions share */
    Session(Connection connection, Dialect dialect, StatementGuard guard, AssetKey subject, String action,
            Release release, WarehouseMemory memory) {
        this.memory = memory;
        this.connection = connection;
        this.dialect = dialect;
        this.guard = guard;
        this.subject = subject;
        this.action = action;
        this.release = release;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Statement statement) throws SQLException;
    }

    Dialect dialect() {
        return dialect;
    }

    String qualified(String schema, String table) {
        return dialect.qualified(schema, table);
    }

    /**
     * Creates {@code schema} unless this warehouse already saw it exist: asking the catalog before every
     * materialization cost a statement (on DuckDB a transaction) per step. A schema dropped behind the engine's back
     * fails one step, which forgets it ({@link #forgetSchema}), so the next attempt creates it again.
     */
    void ensureSchema(String schema) {
        if (!memory.knownSchemas().contains(schema)) {
            dialect.ensureSchema(this, schema);
            memory.knownSchemas().add(schema);
        }
    }

    void forgetSchema(String schema) {
        memory.knownSchemas().remove(schema);
    }

    /** The warehouse's sweep of versions crashed processes committed aside. */
    CrashSweep crashSweep() {
        return memory.crashSweep();
    }

    /** The names of an asset's public relation and versions, in the schema the dialect maps its mart to. */
    VersionNames names(AssetKey key) {
        return VersionNames.of(dialect.schemaOf(key), key.table());
    }

    void execute(String sql) {
        run(sql, List.of(), st -> st.execute(sql));
    }

    int update(String sql) {
        return run(sql, List.of(), st -> st.executeUpdate(sql));
    }

    /**
     * Runs {@code work}, whose statements carry the asset's own SQL (its select, a custom check, a Java asset's
     * statement): a statement the warehouse rejects in it is the analyst's to fix, not the engine's.
     */
    <T> T userSql(Supplier<T> work) {
        boolean before = userSql;
        userSql = true;
        try {
            return work.get();
        } finally {
            userSql = before;
        }
    }

    void executeUserSql(String sql) {
        userSql(() -> {
            execute(sql);
            return null;
        });
    }

    /** The single number {@code sql} returns, e.g. a {@code count(*)}. */
    long count(String sql, List<?> params) {
        return rows(sql, params, row -> row.getLong(1)).getFirst();
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Every row of {@code sql}, each read by {@code reader}. */
    <T> List<T> rows(String sql, List<?> params, RowReader<T> reader) {
        return run(sql, params, st -> {
            List<T> out = new ArrayList<>();
            try (ResultSet rs = query(st, sql)) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        });
    }

    /** Up to three rows of {@code sql}, each as {@code a, b}, to show in a failed check's message. */
    List<String> sample(String sql, List<?> params) {
        return rows(sql + " limit " + SAMPLE_ROWS, params, row -> {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                values.add(String.valueOf(row.getString(i)));
            }
            return String.join(", ", values);
        });
    }

    /** The columns of a table, view or subquery, from the driver's result metadata (works for temporary tables). */
    List<ActualColumn> columns(String relation) {
        String sql = "select * from " + relation + " where 1 = 0";
        return run(sql, List.of(), st -> {
            List<ActualColumn> out = new ArrayList<>();
            try (ResultSet rs = query(st, sql)) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String type = md.getColumnTypeName(i);
                    out.add(new ActualColumn(md.getColumnLabel(i).toLowerCase(Locale.ROOT), dialect.displayType(type),
                        dialect.contractType(md.getColumnType(i), type)));
                }
            }
            return out;
        });
    }

    /** Whether {@code sql} runs without error: a probe. Not for use inside a transaction. */
    boolean succeeds(String sql) {
        boolean failedBefore = failed;
        try {
            execute(sql);
            return true;
        } catch (WarehouseException e) {
            failed = failedBefore;
            return false;
        }
    }

    void drop(String schema, String name, RelationKind kind) {
        execute("drop " + (kind == RelationKind.VIEW ? "view " : "table ") + qualified(schema, name));
    }

    /**
     * Drops a leftover that may already be gone: a killed run's own drop of it can still be queued on the server
     * and run first, so cleanup must not fail when it finds nothing.
     */
    void dropIfExists(String schema, String name, RelationKind kind) {
        execute("drop " + (kind == RelationKind.VIEW ? "view" : "table") + " if exists " + qualified(schema, name));
    }

    /**
     * {@link #dropIfExists}, waiting at most {@code wait} for readers of the relation where DDL waits for them; a
     * relation still read then stays, and the failure says so.
     */
    void dropIfExistsWithin(String schema, String name, RelationKind kind, Duration wait) {
        Optional<String> bound = dialect.lockTimeout(wait);
        if (bound.isEmpty()) {
            dropIfExists(schema, name, kind);
            return;
        }
        inTransaction(() -> {
            execute(bound.get());
            dropIfExists(schema, name, kind);
        });
    }

    /** Waits {@code duration} between attempts; a stop (the work's timeout, a cancel) ends the wait and the work. */
    void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (!guard.stopped() && System.nanoTime() < until) {
                Thread.sleep(Math.max(1, Math.min(50, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaterializationCancelledException(subject, null, e);
        }
        if (guard.stopped()) {
            throw new MaterializationCancelledException(subject, guard.timeoutThatPassed(), null);
        }
    }

    /** Runs {@code work} in one transaction; rolls back on any failure, including a cancellation. */
    void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    <T> T inTransaction(Supplier<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.get();
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e, null);
        }
    }

    /**
     * Inside {@link #inTransaction}: commits what the transaction did so far and goes on in a new one, which the
     * transaction's end commits or rolls back.
     */
    void commitSoFar() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw failure(e, null);
        }
    }

    /** Best-effort cleanup after a failure; runs even when the work was stopped, and never hides the first error. */
    void quietly(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException | RuntimeException e) {
            // A leftover that stays is dropped by the next run's cleanup.
        }
    }

    /** The connection handed to a Java asset: its statements stop with this work, and it cannot close ours. */
    GuardedConnection guardedConnection() {
        return new GuardedConnection(connection, guard);
    }

    /** Maps a warehouse error to the exception the executor reports. */
    RuntimeException failure(SQLException e, String sql) {
        failed = true;
        if (guard.stopped()) {
            return new MaterializationCancelledException(subject, guard.timeoutThatPassed(), e);
        }
        return new WarehouseException(dialect.name(), action, dialect.message(e), e.getSQLState(), sql,
            dialect.rejectsStatement(e), userSql, e);
    }

    private <T> T run(String sql, List<?> params, Work<T> work) {
        try (Statement st = params.isEmpty() ? connection.createStatement() : prepare(sql, params)) {
            if (!guard.enter(st)) {
                throw new MaterializationCancelledException(subject, guard.timeoutThatPassed(), null);
            }
            try {
                return work.run(st);
            } finally {
                guard.leave(st);
            }
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    /** Plain statements for SQL without parameters: a user's {@code ?} (e.g. a JSON operator) is not a placeholder. */
    private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    private static ResultSet query(Statement st, String sql) throws SQLException {
        return st instanceof PreparedStatement ps ? ps.executeQuery() : st.executeQuery(sql);
    }

    @Override
    public void close() {
        try {
            // A stopped session's connection may still get a late cancel; a failed one may be broken.
            release.release(connection, !guard.stopped() && (!failed || connection.isValid(1)));
        } catch (SQLException e) {
            throw failure(e, null);
        }
    }
}
