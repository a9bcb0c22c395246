package dev.martello.cli.crash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the test sees of the warehouse's catalog and sessions on PostgreSQL, through its own connection. */
final class PostgresCatalog {
    /** The engine's names for what it builds beside an asset: versions ({@code __v}) and partition staging. */
    private static final Pattern ENGINE_NAME = Pattern.compile("[a-z0-9_]+__[vp][a-z0-9]{1,16}_[a-z0-9]{4}");
    /** The assets published as a view over a version table. */
    private static final List<String> VERSIONED = List.of("shop.orders", "shop.customer_totals", "core.top_customers");

    private final Connection connection;

    PostgresCatalog(Connection connection) {
        this.connection = connection;
    }

    /** The version table the public view of {@code asset} (schema.name) reads. */
    String publishedVersion(String asset) throws SQLException {
        String[] parts = asset.split("\\.");
        String definition = one("select view_definition from information_schema.views where table_schema = ?"
            + " and table_name = ?", parts[0], parts[1]).orElseThrow(() -> new AssertionError(asset + " is no view"));
        Matcher m = ENGINE_NAME.matcher(definition);
        assertThat(m.find()).as("%s reads a version table: %s", asset, definition).isTrue();
        return parts[0] + "." + m.group();
    }

    /** Whether a table {@code qualified} (schema.name) exists. */
    boolean exists(String qualified) throws SQLException {
        String[] parts = qualified.split("\\.");
        return one("select table_name from information_schema.tables where table_schema = ? and table_name = ?",
            parts[0], parts[1]).isPresent();
    }

    /**
     * Asserts that the assets' schemas hold exactly the published relations and the version behind each view, and
     * that no schema (temporary ones included) holds any other version or staging table.
     */
    void assertNoOrphans() throws SQLException {
        List<String> versions = new ArrayList<>();
        for (String asset : VERSIONED) {
            versions.add(publishedVersion(asset));
        }
        List<String> expected = new ArrayList<>(List.of("core.customer_view VIEW", "core.top_customers VIEW",
            "shop.customer_totals VIEW", "shop.orders VIEW", "shop.region_sales BASE TABLE"));
        versions.forEach(v -> expected.add(v + " BASE TABLE"));
        assertThat(strings("select table_schema || '.' || table_name || ' ' || table_type"
            + " from information_schema.tables where table_schema in ('shop', 'core')"))
            .as("relations in the assets' schemas").containsExactlyInAnyOrderElementsOf(expected);
        // pg_class, not information_schema: it also lists other sessions' temporary (staging) tables.
        assertThat(strings("select n.nspname || '.' || c.relname from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind in ('r', 'v', 'p') and c.relname ~ '__[vp][a-z0-9]+_[a-z0-9]{4}$'"))
            .as("version and staging tables in any schema").containsExactlyInAnyOrderElementsOf(versions);
    }

    /** Sessions of other clients running a statement that contains {@code fragment}. */
    List<Integer> active(String fragment) throws SQLException {
        return ints("select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
            + " and state = 'active' and position(? in query) > 0", fragment);
    }

    /** Sessions of other clients waiting for a lock to run a statement that contains {@code fragment}. */
    List<Integer> waitingForLock(String fragment) throws SQLException {
        return ints("select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
            + " and wait_event_type = 'Lock' and position(? in query) > 0", fragment);
    }

    /** Ends a server session, as a lost connection would, and waits until it is gone. */
    void terminate(int pid) throws SQLException {
        strings("select pg_terminate_backend(" + pid + ")::text");
        long deadline = System.nanoTime() + Child.PATIENCE.toNanos();
        while (!ints("select pid from pg_stat_activity where pid = " + pid).isEmpty()) {
            assertThat(System.nanoTime()).as("session %s ended in time", pid).isLessThan(deadline);
            Child.pause(10);
        }
    }

    private Optional<String> one(String sql, String... params) throws SQLException {
        List<String> rows = strings(sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private List<String> strings(String sql, String... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private List<Integer> ints(String sql, String... params) throws SQLException {
        return strings(sql, params).stream().map(Integer::valueOf).toList();
    }

    /** For failure messages: every relation in the assets' schemas. */
    String describe() throws SQLException {
        return String.join("\n", new TreeSet<>(strings("select table_schema || '.' || table_name || ' '"
            + " || table_type from information_schema.tables where table_schema in ('shop', 'core', 'raw_shop')")));
    }
}
