package dev.martello.core.execution;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.core.workspace.Workspace;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a runtime that executes runs announces itself as a node; reading status or runs leaves no node behind. */
class NodeRowTest {
    @TempDir
    Path dir;

    @Test
    void aRuntimeBecomesANodeWhenItFirstExecutesAndLeavesWhenItCloses() {
        Shop shop = Shop.plain();
        Workspace workspace = TestWorkspace.of(dir, shop.marts());
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(workspace)) {
            shop.createSources(runtime.warehouse());
            runtime.status("*");
            runtime.runs(10);
            assertThat(nodes(runtime)).isZero();

            RunResult result = runtime.materialize("shop/orders", PartitionChoice.latest(), RunOptions.manual(),
                RunListener.NONE);

            assertThat(result.succeeded()).isTrue();
            assertThat(nodes(runtime)).isEqualTo(1);
        }
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(workspace)) {
            assertThat(nodes(runtime)).as("the node row is removed on close").isZero();
        }
    }

    private static int nodes(WorkspaceRuntime runtime) {
        return MetadataStores.database(runtime.store()).fetchCount(DSL.table(DSL.unquotedName("node")));
    }
}
