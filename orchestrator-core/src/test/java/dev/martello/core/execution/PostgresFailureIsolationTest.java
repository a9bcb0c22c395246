package dev.martello.core.execution;

import dev.martello.core.runs.TestPostgres;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.Mart;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL as the warehouse and as the metadata store, on one real server (see {@link TestPostgres}); the metadata
 * store gets a fresh schema, the marts schema names of their own.
 */
class PostgresFailureIsolationTest extends FailureIsolationContractTest {
    private static final AtomicInteger SUFFIX = new AtomicInteger();
    private TestPostgres.Server metadata;
    private TestPostgres.Server warehouse;

    @Override
    Workspace workspace(Path dir, Mart... marts) {
        warehouse = TestPostgres.newSchema();
        metadata = TestPostgres.newSchema();
        return TestWorkspace.of(dir,
            new WorkspaceConfig.WarehouseConfig(WorkspaceConfig.WarehouseConfig.Type.POSTGRES, null, warehouse.url(),
                warehouse.user(), null),
            new WorkspaceConfig.MetadataConfig(WorkspaceConfig.MetadataConfig.Type.POSTGRES, null, metadata.url(),
                metadata.user(), null),
            null, marts);
    }

    @AfterEach
    void dropSchemas() {
        TestPostgres.dropSchema(metadata);
        TestPostgres.dropSchema(warehouse);
    }

    @Override
    Shop shop() {
        return new Shop("_" + ProcessHandle.current().pid() + "_" + SUFFIX.incrementAndGet());
    }

    @Override
    String unknownColumnMessage() {
        return "ERROR: column \"no_such_column\" does not exist";
    }
}
