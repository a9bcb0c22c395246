package dev.martello.marts.demodata;

import java.sql.SQLException;

/**
 * Appends rows to one raw table. Values follow the table's columns: {@code Long}, {@code Integer}, {@code String},
 * {@code LocalDateTime}, {@code Boolean}, {@code LocalDate}, {@code BigDecimal}, or null.
 */
interface TableWriter extends AutoCloseable {

    void row(Object... values) throws SQLException;

    /** Writes what is buffered and releases the statement. */
    @Override
    void close() throws SQLException;
}
