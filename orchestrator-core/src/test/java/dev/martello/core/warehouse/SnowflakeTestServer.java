package dev.martello.core.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The Snowflake the {@code snowflake} profile tests run against, from environment variables: fakesnow on loopback
 * ({@code .ci/run} sets them) or a real account. A missing URL fails the test with how to set it, never skips it.
 *
 * @param url        {@code MARTELLO_TEST_SNOWFLAKE_URL}, without {@code db=}: each test class makes its own database
 * @param publish    {@code MARTELLO_TEST_SNOWFLAKE_PUBLISH}: {@code swap} (the default) or {@code view}; fakesnow
 *                   has no {@code SWAP WITH}, so CI runs {@code view}
 */
record SnowflakeTestServer(String url, String user, String password, String privateKeyFile,
                           WarehouseConfig.TablePublish publish) {
    static final String URL = "MARTELLO_TEST_SNOWFLAKE_URL";

    static SnowflakeTestServer fromEnvironment() {
        return from(System::getenv);
    }

    static SnowflakeTestServer from(UnaryOperator<String> env) {
        String url = env.apply(URL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("The snowflake profile needs a Snowflake to test against, and "
                + URL + " is not set. Start fakesnow (pip install 'fakesnow[server]==0.12.1'"
                + " 'snowflake-connector-python==4.8.1'; fakesnow -s -p 8765) and set "
                + URL + "='jdbc:snowflake://127.0.0.1:8765/?ssl=off&account=fakesnow' and "
                + "MARTELLO_TEST_SNOWFLAKE_PUBLISH=view, or point it at a real account (docs/warehouses/snowflake.md)."
                + " .ci/run does all of this.");
        }
        String publish = env.apply("MARTELLO_TEST_SNOWFLAKE_PUBLISH");
        return new SnowflakeTestServer(url, orElse(env.apply("MARTELLO_TEST_SNOWFLAKE_USER"), "martello"),
            orElse(env.apply("MARTELLO_TEST_SNOWFLAKE_PASSWORD"), "fakesnow"),
            env.apply("MARTELLO_TEST_SNOWFLAKE_PRIVATE_KEY_FILE"),
            publish == null || publish.isBlank() ? WarehouseConfig.TablePublish.SWAP
                : WarehouseConfig.TablePublish.valueOf(publish.strip().toUpperCase(Locale.ROOT)));
    }

    /** Whether this is fakesnow, whose error messages are DuckDB's. */
    boolean fake() {
        return url.contains("account=fakesnow");
    }

    /** A connection outside the warehouse under test, in {@code database} (none: the account's default). */
    Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.put("user", user);
        if (privateKeyFile != null) {
            p.put("private_key_file", privateKeyFile);
            p.put("authenticator", "SNOWFLAKE_JWT");
        } else {
            p.put("password", password);
        }
        if (database != null) {
            p.put("db", database);
        }
        return DriverManager.getConnection(url, p);
    }

    WarehouseConfig warehouse(String database) {
        WarehouseConfig c = WarehouseConfig.of(url).withPublish(publish).withProperty("db", database)
            .withMaxConnections(4);
        return privateKeyFile != null
            ? c.withCredentials(user, null).withProperty("private_key_file", privateKeyFile)
                .withProperty("authenticator", "SNOWFLAKE_JWT")
            : c.withCredentials(user, password);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
