package dev.martello.marts;

import dev.martello.core.graph.ValidationReport;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps every mart in marts/ valid: the demo workspace loads through the real loader with zero problems. */
class DemoWorkspaceTest {

    @Test
    void allDemoMartsLoadWithZeroProblems() {
        Workspace ws = new WorkspaceLoader().load(Path.of("..", "workspaces", "demo"));
        assertThat(ws.problems()).as(() -> ValidationReport.render(ws.problems())).isEmpty();
        assertThat(ws.graph().marts()).hasSize(7);
        assertThat(ws.graph().assets()).hasSizeGreaterThanOrEqualTo(25);
    }
}
