package dev.martello.core.warehouse;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class DuckDbWarehouseTest extends WarehouseContractTest {
    @TempDir
    static Path dataDir;

    @Override
    protected WarehouseConfig config() {
        return WarehouseConfig.duckDb(dataDir.resolve("data"));
    }

    @Override
    protected String slowSelect() {
        return "select count(*) as n from range(100000) a, range(100000) b where a.range + b.range % 7 = 3";
    }

    @Override
    protected String varcharName() {
        return "varchar";
    }

    @Override
    protected String missingTableMessage() {
        return "Catalog Error: Table with name no_such_table does not exist!";
    }

    @Override
    protected String missingTableState() {
        return null;
    }
}
