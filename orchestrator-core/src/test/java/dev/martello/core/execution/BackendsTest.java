package dev.martello.core.execution;

import dev.martello.core.warehouse.WarehouseConfig;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.core.workspace.WorkspaceConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where workspace.yaml puts the warehouse and the metadata store; no database needed. */
class BackendsTest {
    @TempDir
    Path dir;

    Workspace workspace(WorkspaceConfig.WarehouseConfig warehouse, WorkspaceConfig.MetadataConfig metadata) {
        return TestWorkspace.of(dir, warehouse, metadata, null, Shop.plain().marts());
    }

    static WorkspaceConfig.WarehouseConfig warehouse(WorkspaceConfig.WarehouseConfig.Type type, String url,
                                                     String passwordEnv) {
        return new WorkspaceConfig.WarehouseConfig(type, null, url, "etl", passwordEnv);
    }

    @Test
    void theEmbeddedDefaultIsADuckDbFileInTheDataDirectory() {
        WarehouseConfig config = Backends.warehouse(workspace(null, null), name -> null);

        assertThat(config.url()).isEqualTo("jdbc:duckdb:" + dir.resolve("data").resolve("warehouse.duckdb"));
        assertThat(dir.resolve("data")).isDirectory();
    }

    @Test
    void anH2WarehouseIsAFileInTheDataDirectory() {
        WarehouseConfig config = Backends.warehouse(workspace(warehouse(WorkspaceConfig.WarehouseConfig.Type.H2, null,
            null), null), name -> null);

        assertThat(config.url()).isEqualTo("jdbc:h2:file:" + dir.resolve("data").resolve("warehouse"));
    }

    @Test
    void aPostgresPasswordComesFromTheNamedEnvironmentVariable() {
        Map<String, String> env = Map.of("DWH_PASSWORD", "s3cret");

        WarehouseConfig config = Backends.warehouse(workspace(warehouse(WorkspaceConfig.WarehouseConfig.Type.POSTGRES,
            "jdbc:postgresql://db/dwh", "DWH_PASSWORD"), null), env::get);

        assertThat(config).isEqualTo(new WarehouseConfig("jdbc:postgresql://db/dwh", "etl", "s3cret", 8));
    }

    @Test
    void aMissingPasswordVariableIsNamed() {
        Workspace ws = workspace(warehouse(WorkspaceConfig.WarehouseConfig.Type.POSTGRES, "jdbc:postgresql://db/dwh",
            "DWH_PASSWORD"), null);

        assertThatThrownBy(() -> Backends.warehouse(ws, name -> null)).isInstanceOf(WorkspaceConfigException.class)
            .hasMessage("Workspace 'test': the warehouse password is read from the environment variable DWH_PASSWORD"
                + " (warehouse.passwordEnv), which is not set.");
    }

    @Test
    void aPostgresMetadataStoreNeedsAUrl() {
        Workspace ws = workspace(null, new WorkspaceConfig.MetadataConfig(WorkspaceConfig.MetadataConfig.Type.POSTGRES,
            null, null, "martello", null));

        assertThatThrownBy(() -> Backends.metadata(ws, name -> null)).isInstanceOf(WorkspaceConfigException.class)
            .hasMessage("Workspace 'test': metadata of type postgres needs a 'url', e.g. url:"
                + " jdbc:postgresql://db:5432/martello.");
    }

    @Test
    void snowflakeIsNotSupportedYet() {
        Workspace ws = workspace(warehouse(WorkspaceConfig.WarehouseConfig.Type.SNOWFLAKE, "jdbc:snowflake://x", null),
            null);

        assertThatThrownBy(() -> Backends.warehouse(ws, name -> null)).isInstanceOf(WorkspaceConfigException.class)
            .hasMessage("Workspace 'test' uses a Snowflake warehouse, which Martello does not support yet; use duckdb"
                + " (the default), h2 or postgres.");
    }
}
