package dev.martello.marts.demodata;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The portable writer: multi-row {@code insert … values (?, …), (?, …)} statements, sent in JDBC batches. Many rows
 * per statement matter on DuckDB, which runs each batched statement on its own.
 */
final class InsertWriter implements TableWriter {
    static final int ROWS_PER_STATEMENT = 100;
    private static final java.time.format.DateTimeFormatter ISO_TIMESTAMP =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final int STATEMENTS_PER_BATCH = 50;

    private final Connection connection;
    private final RawTable table;
    private final Object[][] buffer = new Object[ROWS_PER_STATEMENT][];
    private final PreparedStatement many;
    /**
     * On Snowflake every value is bound as text, which it converts to the column's type on insert: snowflake-jdbc 3.x
     * refuses java.time values (JDBC 4.2), and fakesnow, the test server, fails on typed batch bindings holding a
     * null or a decimal.
     */
    private final boolean asText;
    private int buffered;
    private int batched;

    InsertWriter(Connection connection, RawTable table) throws SQLException {
        this.connection = connection;
        this.table = table;
        this.many = connection.prepareStatement(table.insertSql(ROWS_PER_STATEMENT));
        this.asText = "Snowflake".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    }

    @Override
    public void row(Object... values) throws SQLException {
        buffer[buffered++] = values;
        if (buffered == ROWS_PER_STATEMENT) {
            bind(many, buffered);
            many.addBatch();
            buffered = 0;
            if (++batched == STATEMENTS_PER_BATCH) {
                many.executeBatch();
                batched = 0;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (many) {
            if (batched > 0) {
                many.executeBatch();
            }
            if (buffered > 0) {
                try (PreparedStatement rest = connection.prepareStatement(table.insertSql(buffered))) {
                    bind(rest, buffered);
                    rest.executeUpdate();
                }
            }
        }
    }

    private void bind(PreparedStatement ps, int rows) throws SQLException {
        int width = table.columns().size();
        for (int r = 0; r < rows; r++) {
            Object[] row = buffer[r];
            for (int c = 0; c < width; c++) {
                set(ps, r * width + c + 1, table.columns().get(c), row[c]);
            }
        }
    }

    private void set(PreparedStatement ps, int i, RawTable.Column column, Object v) throws SQLException {
        if (asText) {
            if (v == null) {
                ps.setNull(i, Types.VARCHAR);
            } else {
                ps.setString(i, switch (v) {
                    case java.time.LocalDateTime t -> t.format(ISO_TIMESTAMP);
                    case BigDecimal d -> d.toPlainString();
                    default -> v.toString();
                });
            }
            return;
        }
        switch (column.type()) {
            case BIGINT -> {
                if (v == null) {
                    ps.setNull(i, Types.BIGINT);
                } else {
                    ps.setLong(i, (Long) v);
                }
            }
            case INTEGER -> {
                if (v == null) {
                    ps.setNull(i, Types.INTEGER);
                } else {
                    ps.setInt(i, (Integer) v);
                }
            }
            case BOOLEAN -> {
                if (v == null) {
                    ps.setNull(i, Types.BOOLEAN);
                } else {
                    ps.setBoolean(i, (Boolean) v);
                }
            }
            case VARCHAR -> ps.setString(i, (String) v);
            case DECIMAL -> ps.setBigDecimal(i, (BigDecimal) v);
            // JDBC 4.2 maps LocalDateTime and LocalDate without a time zone; not every driver takes a target type.
            case TIMESTAMP -> {
                if (v == null) {
                    ps.setNull(i, Types.TIMESTAMP);
                } else {
                    ps.setObject(i, v);
                }
            }
            case DATE -> {
                if (v == null) {
                    ps.setNull(i, Types.DATE);
                } else {
                    ps.setObject(i, v);
                }
            }
            default -> throw new IllegalStateException("no raw column has type " + column.type());
        }
    }
}
