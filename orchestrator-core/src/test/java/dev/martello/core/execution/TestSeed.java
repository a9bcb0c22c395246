package dev.martello.core.execution;

import dev.martello.dsl.SourceSeed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A seed for the test shop's sources, remembering every seeding's options. */
public final class TestSeed implements SourceSeed {
    static final List<Options> SEEDINGS = new ArrayList<>();

    @Override
    public boolean isSeeded(Connection warehouse) throws SQLException {
        try (ResultSet rs = warehouse.getMetaData().getTables(null, "raw", "orders", null)) {
            return rs.next();
        }
    }

    @Override
    public void seed(Connection warehouse, Options options) throws SQLException {
        synchronized (SEEDINGS) {
            SEEDINGS.add(options);
        }
        try (Statement st = warehouse.createStatement()) {
            st.execute("drop schema if exists raw cascade");
        }
        Shop.plain().createSources(warehouse);
    }
}
