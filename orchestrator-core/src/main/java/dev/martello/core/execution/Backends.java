package dev.martello.core.execution;

import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.core.warehouse.WarehouseConfig;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.core.workspace.WorkspaceConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where a workspace's warehouse and metadata store are, from its {@code workspace.yaml}: embedded files in its data
 * directory by default, PostgreSQL by URL with the password read from the environment variable the file names (so no
 * secret is ever in the file).
 */
final class Backends {
    private Backends() {
    }

    static WarehouseConfig warehouse(Workspace ws, UnaryOperator<String> env) {
        WorkspaceConfig.WarehouseConfig c = ws.config().warehouse();
        return switch (c.type()) {
            case DUCKDB -> WarehouseConfig.of("jdbc:duckdb:" + dataFile(ws, c.path()));
            case H2 -> WarehouseConfig.of("jdbc:h2:file:" + dataFile(ws, c.path()));
            case POSTGRES -> WarehouseConfig.of(url(ws, "warehouse", c.url()))
                .withCredentials(c.user(), password(ws, "warehouse", c.passwordEnv(), env));
            case SNOWFLAKE -> SnowflakeBackend.warehouse(ws, c, env);
        };
    }

    static RunStore metadata(Workspace ws, UnaryOperator<String> env) {
        WorkspaceConfig.MetadataConfig c = ws.config().metadata();
        return switch (c.type()) {
            case H2 -> MetadataStores.h2(dataFile(ws, c.path()));
            case POSTGRES -> MetadataStores.postgres(url(ws, "metadata", c.url()), c.user(),
                password(ws, "metadata", c.passwordEnv(), env));
        };
    }

    /** A file in the data directory, which is created on first use. */
    private static Path dataFile(Workspace ws, String path) {
        Path dir = ws.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory of workspace '" + ws.name() + "': "
                + dir, e);
        }
        return dir.resolve(path).toAbsolutePath().normalize();
    }

    private static String url(Workspace ws, String section, String url) {
        if (url == null || url.isBlank()) {
            throw new WorkspaceConfigException("Workspace '" + ws.name() + "': " + section + " of type postgres needs"
                + " a 'url', e.g. url: jdbc:postgresql://db:5432/martello.", null);
        }
        return url;
    }

    static String password(Workspace ws, String section, String variable, UnaryOperator<String> env) {
        if (variable == null || variable.isBlank()) {
            return null;
        }
        String value = env.apply(variable);
        if (value == null) {
            throw new WorkspaceConfigException("Workspace '" + ws.name() + "': the " + section + " password is read"
                + " from the environment variable " + variable + " (" + section + ".passwordEnv), which is not set.",
                null);
        }
        return value;
    }
}
