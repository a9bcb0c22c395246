package dev.martello.marts.demodata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per raw table: its row count and an order-independent checksum of its rows, with each value normalised so that
 * different warehouses holding the same data give the same checksum.
 */
final class TableChecksums {
    private TableChecksums() {
    }

    /** {@code raw_events.app_events -> "1004871 rows, 5c1e…"} for every raw table. */
    static Map<String, String> of(Connection db) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (RawTable t : RawTables.ALL) {
            out.put(t.qualifiedName(), checksum(db, t.qualifiedName()));
        }
        return out;
    }

    /** The same for the tables named (qualified), in that order. */
    static Map<String, String> of(Connection db, java.util.Collection<String> tables) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : tables) {
            out.put(t, checksum(db, t));
        }
        return out;
    }

    private static String checksum(Connection db, String table) throws SQLException {
        long rows = 0;
        long sum = 0;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder row = new StringBuilder();
            while (rs.next()) {
                row.setLength(0);
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(value(rs, i, meta.getColumnType(i))).append('\u0001');
                }
                sum += fnv(row);
                rows++;
            }
        }
        return rows + " rows, " + Long.toHexString(sum);
    }

    private static String value(ResultSet rs, int i, int type) throws SQLException {
        String v = switch (type) {
            case Types.TIMESTAMP -> {
                var ts = rs.getTimestamp(i);
                yield ts == null ? null : ts.toLocalDateTime().toString();
            }
            case Types.DATE -> {
                var d = rs.getDate(i);
                yield d == null ? null : d.toLocalDate().toString();
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                var d = rs.getBigDecimal(i);
                yield d == null ? null : d.stripTrailingZeros().toPlainString();
            }
            case Types.BOOLEAN, Types.BIT -> String.valueOf(rs.getBoolean(i));
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> String.valueOf(rs.getLong(i));
            default -> rs.getString(i);
        };
        return rs.wasNull() ? "\u0000" : v;
    }

    private static long fnv(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
