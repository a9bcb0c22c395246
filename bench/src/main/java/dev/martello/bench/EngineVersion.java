package dev.martello.bench;

import dev.martello.core.warehouse.Warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The warehouse engine a benchmark ran on, as the engine reports itself, for the record in BENCHMARKS.md. */
final class EngineVersion {
    private EngineVersion() {
    }

    static String of(Warehouse warehouse) {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version()")) {
            rs.next();
            return warehouse.name() + " " + rs.getString(1) + " (JDBC driver " + c.getMetaData().getDriverVersion()
                + ")";
        } catch (SQLException e) {
            return warehouse.name() + " (version unknown: " + e.getMessage() + ")";
        }
    }
}
