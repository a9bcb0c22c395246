package dev.martello.core.workspace;

import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceLoaderTest {
    @TempDir
    Path dir;

    /** A mart on the test classpath, named by class in the YAML. */
    public static final class TinyMart implements MartDefinition {
        @Override
        public Mart define() {
            return Mart.integrated("tiny").owner("team:tiny").asset("one", a -> a.sql("select 1 as x")).build();
        }
    }

    private Workspace load(String yaml) throws IOException {
        Files.writeString(dir.resolve("workspace.yaml"), yaml);
        return new WorkspaceLoader().load(dir);
    }

    private String error(String yaml) throws IOException {
        Files.writeString(dir.resolve("workspace.yaml"), yaml);
        try {
            new WorkspaceLoader().load(dir);
        } catch (WorkspaceConfigException e) {
            return e.getMessage().replace(dir.resolve("workspace.yaml").toString(), "workspace.yaml");
        }
        throw new AssertionError("expected a config error");
    }

    @Test
    void loadsNamedMartClassesWithDefaults() throws IOException {
        Workspace ws = load("name: t\nmarts:\n  classes:\n    - " + TinyMart.class.getName() + "\n");
        assertThat(ws.problems()).isEmpty();
        assertThat(ws.graph().size()).isEqualTo(1);
        assertThat(ws.config().warehouse().type()).isEqualTo(WorkspaceConfig.WarehouseConfig.Type.DUCKDB);
        assertThat(ws.config().warehouse().path()).isEqualTo("warehouse.duckdb");
        assertThat(ws.config().metadata().type()).isEqualTo(WorkspaceConfig.MetadataConfig.Type.H2);
        assertThat(ws.dataDir()).isEqualTo(dir.toAbsolutePath().resolve("data"));
    }

    @Test
    void unknownFieldNamesTheLineAndSuggests() throws IOException {
        assertThat(error("name: t\nmarts:\n  classes: []\nwarehose:\n  type: duckdb\n")).isEqualTo(
            "workspace.yaml line 4, field 'warehose': unknown field 'warehose'. Did you mean 'warehouse'? Known fields"
                + " here: automation, dataDir, description, marts, metadata, name, pools, runs, schedules, seed, warehouse.");
    }

    @Test
    void badEnumValueListsTheAllowedOnes() throws IOException {
        assertThat(error("name: t\nmarts:\n  classes: []\nwarehouse:\n  type: duckdbx\n")).isEqualTo(
            "workspace.yaml line 5, field 'warehouse.type': value 'duckdbx' is not valid. Allowed: duckdb, h2,"
                + " postgres, snowflake.");
    }

    @Test
    void missingRequiredFieldIsNamed() throws IOException {
        assertThat(error("marts:\n  classes: []\n")).startsWith("workspace.yaml line ")
            .endsWith("required field 'name' is missing.");
    }

    @Test
    void wrongShapeSaysWhatWasExpected() throws IOException {
        assertThat(error("name: t\nmarts:\n  classes: dev.x.Mart\n")).isEqualTo(
            "workspace.yaml line 3, field 'marts.classes': wrong shape: expected a list (lines starting with '- ').");
    }

    @Test
    void brokenYamlGivesTheLine() throws IOException {
        assertThat(error("name: t\nmarts: {classes: [a}\n")).startsWith("workspace.yaml line ").contains("not valid YAML");
    }

    @Test
    void missingFileSaysWhatAWorkspaceIs() {
        assertThatThrownBy(() -> new WorkspaceLoader().load(dir)).hasMessageEndingWith(
            "workspace.yaml: no such file. A workspace is a folder with a workspace.yaml; pass it with --workspace DIR"
                + " (e.g. --workspace workspaces/demo).");
    }

    @Test
    void martClassProblemsJoinTheReport() throws IOException {
        Workspace ws = load("name: t\nmarts:\n  classpath: [missing/classes]\n  classes:\n    - dev.nowhere.Mart\n    - "
            + String.class.getName() + "\n");
        assertThat(ws.problems()).extracting(Problem::message).containsExactly(
            "Classpath entry 'missing/classes' of workspace 't' does not exist (" + dir.toAbsolutePath().resolve(
                "missing/classes") + ").",
            "Mart class 'dev.nowhere.Mart' named by workspace 't' is not on its classpath [missing/classes].",
            "Mart class 'java.lang.String' does not implement dev.martello.dsl.MartDefinition.");
    }
}
