package dev.martello.marts.demodata;

import dev.martello.dsl.SqlType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appender is bound by reflection, so a driver upgrade that changes its methods would silently fall back to the
 * batched inserts, twenty times slower: this pins that DuckDB's own appender is found and writes every column type.
 */
class DuckDbAppendersTest {

    @Test
    void duckDbsAppenderIsFoundAndWritesEveryRawColumnType() throws Exception {
        RawTable table = new RawTable("raw", "everything", List.of(
            new RawTable.Column("id", SqlType.BIGINT, false),
            new RawTable.Column("n", SqlType.INTEGER, true),
            new RawTable.Column("flag", SqlType.BOOLEAN, false),
            new RawTable.Column("label", SqlType.VARCHAR, true),
            new RawTable.Column("seen_at", SqlType.TIMESTAMP, false),
            new RawTable.Column("amount", SqlType.DECIMAL, false),
            new RawTable.Column("day", SqlType.DATE, false)));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("create schema raw");
            st.execute(table.createSql());

            DuckDbAppenders appenders = DuckDbAppenders.of(db).orElseThrow();
            try (TableWriter writer = appenders.open(table)) {
                writer.row(1L, 7, true, "a", LocalDateTime.of(2026, 6, 30, 12, 0), new BigDecimal("12.50"),
                    LocalDate.of(2026, 6, 30));
                writer.row(2L, null, false, null, LocalDateTime.of(2026, 7, 1, 0, 0, 1), new BigDecimal("0.01"),
                    LocalDate.of(2026, 7, 1));
            }

            try (ResultSet rs = st.executeQuery("select id, n, flag, label, seen_at, amount, day from raw.everything"
                + " order by id")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4),
                    rs.getObject(5, LocalDateTime.class), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class)))
                    .containsExactly(1L, 7, true, "a", LocalDateTime.of(2026, 6, 30, 12, 0), new BigDecimal("12.50000000"),
                        LocalDate.of(2026, 6, 30));
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(2)).isNull();
                assertThat(rs.getString(4)).isNull();
                assertThat(rs.getObject(7, LocalDate.class)).isEqualTo(LocalDate.of(2026, 7, 1));
                assertThat(rs.next()).isFalse();
            }
        }
    }
}
