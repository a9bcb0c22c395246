package dev.martello.core.execution;

import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.Mart;

import java.nio.file.Path;

/** An H2 warehouse beside the H2 metadata store. */
class H2FailureIsolationTest extends FailureIsolationContractTest {
    @Override
    Workspace workspace(Path dir, Mart... marts) {
        return TestWorkspace.of(dir, new WorkspaceConfig.WarehouseConfig(WorkspaceConfig.WarehouseConfig.Type.H2,
            null, null, null, null), null, null, marts);
    }

    @Override
    Shop shop() {
        return Shop.plain();
    }

    @Override
    String unknownColumnMessage() {
        return "Column \"no_such_column\" not found";
    }
}
