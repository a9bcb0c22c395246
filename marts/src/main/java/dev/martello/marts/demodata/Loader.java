package dev.martello.marts.demodata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The open writers of one seeding, one per raw table. */
final class Loader implements AutoCloseable {
    private final Map<RawTable, TableWriter> writers = new LinkedHashMap<>();

    /** @param appenders DuckDB's appenders when the warehouse is DuckDB and they may be used; else inserts */
    Loader(Connection connection, Optional<DuckDbAppenders> appenders) throws SQLException {
        for (RawTable t : RawTables.ALL) {
            writers.put(t, appenders.isPresent() ? appenders.get().open(t) : new InsertWriter(connection, t));
        }
    }

    void row(RawTable table, Object... values) throws SQLException {
        writers.get(table).row(values);
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (TableWriter w : writers.values()) {
            try {
                w.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
