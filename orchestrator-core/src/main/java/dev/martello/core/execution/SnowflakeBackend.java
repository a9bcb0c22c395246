package dev.martello.core.execution;

import dev.martello.core.warehouse.WarehouseConfig;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.core.workspace.WorkspaceConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Snowflake warehouse from {@code workspace.yaml}: the URL from the account (or given), role, virtual warehouse and
 * database as driver properties, and exactly one way to authenticate: a password from an environment variable, or a
 * private-key file (key-pair auth) named in the file or by an environment variable. Every problem is reported at once.
 */
final class SnowflakeBackend {
    private SnowflakeBackend() {
    }

    static WarehouseConfig warehouse(Workspace ws, WorkspaceConfig.WarehouseConfig c, UnaryOperator<String> env) {
        List<String> problems = new ArrayList<>();
        if (blank(c.account()) && blank(c.url())) {
            problems.add("'account' is missing, e.g. account: myorg-analytics (or give a 'url')");
        }
        if (!blank(c.url()) && !c.url().startsWith("jdbc:snowflake://")) {
            problems.add("'url' must start with jdbc:snowflake://, not '" + c.url() + "'");
        }
        if (blank(c.user())) {
            problems.add("'user' is missing");
        }
        if (blank(c.database())) {
            problems.add("'database' is missing: the database the marts' schemas are created in");
        }
        String prefix = c.schemaPrefix() == null ? "" : c.schemaPrefix();
        if (!prefix.matches("[a-z0-9_]*")) {
            problems.add("'schemaPrefix' may hold only lower-case letters, digits and '_' (it becomes part of"
                + " upper-case schema names), not '" + prefix + "'");
        }
        int ways = (blank(c.passwordEnv()) ? 0 : 1) + (blank(c.privateKeyFile()) ? 0 : 1)
            + (blank(c.privateKeyFileEnv()) ? 0 : 1);
        if (ways != 1) {
            problems.add((ways == 0 ? "no credentials" : "more than one kind of credentials") + ": set exactly one of"
                + " passwordEnv (a variable holding the password), privateKeyFile (a key file's path) or"
                + " privateKeyFileEnv (a variable holding that path)");
        }
        if (!problems.isEmpty()) {
            throw new WorkspaceConfigException("Workspace '" + ws.name() + "': the snowflake warehouse is not"
                + " usable: " + String.join("; ", problems) + ".", null);
        }
        String url = blank(c.url()) ? "jdbc:snowflake://" + c.account() + ".snowflakecomputing.com/" : c.url();
        WarehouseConfig config = WarehouseConfig.of(url).withSchemaPrefix(prefix)
            .withPublish(WarehouseConfig.TablePublish.valueOf(c.publish().name()))
            .withProperty("db", c.database());
        config = with(with(with(config, "account", c.account()), "role", c.role()), "warehouse", c.warehouse());
        if (!blank(c.passwordEnv())) {
            return config.withCredentials(c.user(), Backends.password(ws, "warehouse", c.passwordEnv(), env));
        }
        Path key = keyFile(ws, c, env);
        config = config.withCredentials(c.user(), null).withProperty("authenticator", "SNOWFLAKE_JWT")
            .withProperty("private_key_file", key.toString());
        String passphrase = blank(c.privateKeyPasswordEnv()) ? null
            : Backends.password(ws, "warehouse private key", c.privateKeyPasswordEnv(), env);
        return passphrase == null ? config : config.withProperty("private_key_pwd", passphrase);
    }

    private static Path keyFile(Workspace ws, WorkspaceConfig.WarehouseConfig c, UnaryOperator<String> env) {
        String path = c.privateKeyFile();
        if (blank(path)) {
            path = env.apply(c.privateKeyFileEnv());
            if (blank(path)) {
                throw new WorkspaceConfigException("Workspace '" + ws.name() + "': the warehouse's private-key file"
                    + " is named by the environment variable " + c.privateKeyFileEnv()
                    + " (warehouse.privateKeyFileEnv), which is not set.", null);
            }
        }
        Path file = ws.dir().resolve(path).toAbsolutePath().normalize();
        if (!Files.isReadable(file)) {
            throw new WorkspaceConfigException("Workspace '" + ws.name() + "': the warehouse's private-key file "
                + file + " does not exist or cannot be read. Point privateKeyFile (or the variable in"
                + " privateKeyFileEnv) at the PKCS#8 key whose public key is set on the Snowflake user.", null);
        }
        return file;
    }

    private static WarehouseConfig with(WarehouseConfig config, String property, String value) {
        return blank(value) ? config : config.withProperty(property, value);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
