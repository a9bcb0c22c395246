package dev.martello.core.warehouse;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2WarehouseTest extends WarehouseContractTest {
    @TempDir
    static Path dataDir;

    @Override
    protected WarehouseConfig config() {
        return WarehouseConfig.of("jdbc:h2:" + dataDir.resolve("warehouse"));
    }

    @Override
    protected String slowSelect() {
        // system_range names its column upper-case even when the database folds names to lower case.
        return "select count(*) as n from system_range(1, 100000) a, system_range(1, 100000) b"
            + " where a.\"X\" + b.\"X\" = 3";
    }

    @Override
    protected String varcharName() {
        return "character varying";
    }

    @Override
    protected String missingTableMessage() {
        return "Table \"no_such_table\" not found";
    }

    @Override
    protected String missingTableState() {
        return "42S02";
    }
}
