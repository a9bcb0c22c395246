package dev.martello.core.execution;

import dev.martello.core.workspace.Workspace;
import dev.martello.dsl.Mart;

import java.nio.file.Path;

/** The embedded default: DuckDB warehouse, H2 metadata store. */
class DuckDbFailureIsolationTest extends FailureIsolationContractTest {
    @Override
    Workspace workspace(Path dir, Mart... marts) {
        return TestWorkspace.of(dir, marts);
    }

    @Override
    Shop shop() {
        return Shop.plain();
    }

    @Override
    String unknownColumnMessage() {
        return "Binder Error: Referenced column \"no_such_column\" not found in FROM clause!";
    }
}
