package dev.martello.marts.demodata;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portable inserts write exactly the rows the DuckDB appender writes, on DuckDB and on H2 (whose driver reaches
 * the marts' tests through orchestrator-core).
 */
class PortableInsertsTest {
    private static Map<String, String> appended;

    @BeforeAll
    static void seedWithTheAppender() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            DemoData demo = new DemoData();
            demo.seed(db, DemoDataTest.OPTIONS);
            appended = TableChecksums.of(db);
        }
    }

    @Test
    void insertsIntoDuckDbWriteTheSameRows() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            new DemoData(false).seed(db, DemoDataTest.OPTIONS);
            assertThat(TableChecksums.of(db)).isEqualTo(appended);
        }
    }

    @Test
    void insertsIntoH2WriteTheSameRows() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:")) {
            DemoData demo = new DemoData();
            assertThat(demo.isSeeded(db)).isFalse();
            demo.seed(db, DemoDataTest.OPTIONS);
            assertThat(demo.isSeeded(db)).isTrue();
            assertThat(TableChecksums.of(db)).isEqualTo(appended);
        }
    }
}
