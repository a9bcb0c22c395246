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

        assertThat(config).isEqualTo(WarehouseConfig.of("jdbc:postgresql://db/dwh").withCredentials("etl", "s3cret"));
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

    static WorkspaceConfig.WarehouseConfig snowflake(String url, String account, String passwordEnv,
                                                     String keyFile, String keyFileEnv, String prefix) {
        return new WorkspaceConfig.WarehouseConfig(WorkspaceConfig.WarehouseConfig.Type.SNOWFLAKE, null, url,
            "MARTELLO", passwordEnv, account, "TRANSFORMER", "TRANSFORMING", "ANALYTICS", prefix, keyFile, keyFileEnv,
            "KEY_PASSPHRASE", null);
    }

    @Test
    void aSnowflakeUrlComesFromTheAccountAndThePasswordFromTheEnvironment() {
        WarehouseConfig config = Backends.warehouse(workspace(snowflake(null, "myorg-analytics", "SF_PASSWORD", null,
            null, "dev_"), null), Map.of("SF_PASSWORD", "s3cret")::get);

        assertThat(config.url()).isEqualTo("jdbc:snowflake://myorg-analytics.snowflakecomputing.com/");
        assertThat(config.user()).isEqualTo("MARTELLO");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.properties()).isEqualTo(Map.of("account", "myorg-analytics", "role", "TRANSFORMER",
            "warehouse", "TRANSFORMING", "db", "ANALYTICS"));
        assertThat(config.schemaPrefix()).isEqualTo("dev_");
        assertThat(config.publish()).isEqualTo(WarehouseConfig.TablePublish.SWAP);
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void snowflakeKeyPairAuthReadsTheKeyFileNamedByAVariable() throws Exception {
        Path key = java.nio.file.Files.writeString(dir.resolve("rsa_key.p8"), "-----BEGIN PRIVATE KEY-----");
        Map<String, String> env = Map.of("SF_KEY", key.toString(), "KEY_PASSPHRASE", "open sesame");

        WarehouseConfig config = Backends.warehouse(workspace(snowflake("jdbc:snowflake://127.0.0.1:8765/?ssl=off",
            "fakesnow", null, null, "SF_KEY", null), null), env::get);

        assertThat(config.url()).isEqualTo("jdbc:snowflake://127.0.0.1:8765/?ssl=off");
        assertThat(config.password()).isNull();
        assertThat(config.properties()).containsEntry("authenticator", "SNOWFLAKE_JWT")
            .containsEntry("private_key_file", key.toString()).containsEntry("private_key_pwd", "open sesame")
            .containsEntry("account", "fakesnow");
        assertThat(config.toString()).doesNotContain("open sesame");
    }

    @Test
    void aSnowflakeKeyFileMustExist() {
        Workspace ws = workspace(snowflake(null, "acme", null, "keys/missing.p8", null, null), null);

        assertThatThrownBy(() -> Backends.warehouse(ws, name -> null)).isInstanceOf(WorkspaceConfigException.class)
            .hasMessage("Workspace 'test': the warehouse's private-key file " + dir.resolve("keys/missing.p8")
                + " does not exist or cannot be read. Point privateKeyFile (or the variable in privateKeyFileEnv) at"
                + " the PKCS#8 key whose public key is set on the Snowflake user.");
    }

    @Test
    void everySnowflakeProblemIsReportedAtOnce() {
        Workspace ws = workspace(new WorkspaceConfig.WarehouseConfig(WorkspaceConfig.WarehouseConfig.Type.SNOWFLAKE,
            null, null, null, "SF_PASSWORD", null, null, null, null, "Dev-", "key.p8", null, null, null), null);

        assertThatThrownBy(() -> Backends.warehouse(ws, name -> null)).isInstanceOf(WorkspaceConfigException.class)
            .hasMessage("Workspace 'test': the snowflake warehouse is not usable: 'account' is missing, e.g. account:"
                + " myorg-analytics (or give a 'url'); 'user' is missing; 'database' is missing: the database the"
                + " marts' schemas are created in; 'schemaPrefix' may hold only lower-case letters, digits and '_'"
                + " (it becomes part of upper-case schema names), not 'Dev-'; more than one kind of credentials: set"
                + " exactly one of passwordEnv (a variable holding the password), privateKeyFile (a key file's path)"
                + " or privateKeyFileEnv (a variable holding that path).");
    }
}
