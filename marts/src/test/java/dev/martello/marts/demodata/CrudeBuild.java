package dev.martello.marts.demodata;

import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetContext;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Check;
import dev.martello.dsl.Column;
import dev.martello.dsl.Compute;
import dev.martello.dsl.MaterializationKind;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.Severity;
import dev.martello.dsl.SqlTemplate;
import dev.martello.dsl.SqlType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A crude stand-in for the engine, for the demo-data tests only: renders each asset's SQL by plain substitution,
 * creates it as a table or view in DuckDB in dependency order (partitioned assets as one window), runs Java assets
 * through a minimal {@link AssetContext}, and counts each check's failing rows.
 */
final class CrudeBuild {

    /** One check's outcome: how many rows fail it (for a row count, 1 when out of bounds). */
    record CheckOutcome(String name, Severity severity, long failing) {
    }

    /** One built asset. */
    record Built(AssetKey key, boolean partitioned, long rows, List<CheckOutcome> checks) {
        List<CheckOutcome> failed(Severity severity) {
            return checks.stream().filter(c -> c.severity() == severity && c.failing() > 0).toList();
        }
    }

    private final Connection db;
    private final Instant start;
    private final Instant end;

    /** @param start and {@code end}: the window every partitioned asset is built for, {@code [start, end)} */
    CrudeBuild(Connection db, Instant start, Instant end) {
        this.db = db;
        this.start = start;
        this.end = end;
    }

    /** Builds every asset after its upstreams; returns them in build order. */
    List<Built> buildAll(List<Asset> assets) throws Exception {
        List<Built> out = new ArrayList<>();
        for (Asset a : inDependencyOrder(assets)) {
            out.add(build(a));
        }
        return out;
    }

    Built build(Asset a) throws Exception {
        String target = quote(a.key());
        execute("create schema if not exists \"" + a.key().mart() + "\"");
        switch (a.compute()) {
            case Compute.Sql sql -> execute("create " + (a.materialization() == MaterializationKind.VIEW ? "view "
                : "table ") + target + " as " + render(sql.template(), target));
            case Compute.Java java -> {
                execute("create table " + target + " (" + a.columns().stream()
                    .map(c -> "\"" + c.name() + "\" " + type(c)).collect(Collectors.joining(", ")) + ")");
                java.function().compute(new Context(a.key(), target));
            }
        }
        long rows = count("select count(*) from " + target);
        List<CheckOutcome> checks = new ArrayList<>();
        for (Check c : a.checks()) {
            checks.add(new CheckOutcome(c.name(), c.severity(), failing(c, a.key().mart(), target, rows)));
        }
        return new Built(a.key(), a.isPartitioned(), rows, checks);
    }

    private long failing(Check check, String mart, String target, long rows) throws SQLException {
        return switch (check) {
            case Check.NotNull c -> count("select count(*) from " + target + " where \"" + c.column() + "\" is null");
            case Check.Unique c -> {
                String keys = c.columns().stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", "));
                yield count("select count(*) from (select " + keys + " from " + target + " group by " + keys
                    + " having count(*) > 1) d");
            }
            case Check.AcceptedValues c -> {
                String sql = "select count(*) from " + target + " where \"" + c.column() + "\" is not null and cast(\""
                    + c.column() + "\" as varchar) not in (" + String.join(", ", c.values().stream().map(v -> "?")
                    .toList()) + ")";
                try (PreparedStatement ps = db.prepareStatement(sql)) {
                    for (int i = 0; i < c.values().size(); i++) {
                        ps.setString(i + 1, c.values().get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        yield rs.getLong(1);
                    }
                }
            }
            case Check.RowCount c -> (c.min() != null && rows < c.min()) || (c.max() != null && rows > c.max())
                ? 1 : 0;
            case Check.CustomSql c -> count("select count(*) from (" + render(SqlTemplate.parse(c.sql(), mart),
                target) + ") f");
        };
    }

    private String render(SqlTemplate template, String target) {
        StringBuilder sql = new StringBuilder();
        for (SqlTemplate.Part p : template.parts()) {
            sql.append(switch (p) {
                case SqlTemplate.Text t -> t.sql();
                case SqlTemplate.Ref r -> quote(r.key());
                case SqlTemplate.Source s -> quote(s.key());
                case SqlTemplate.Variable v -> switch (v.name()) {
                    case "this" -> target;
                    case "partition_start" -> literal(start);
                    case "partition_end" -> literal(end);
                    case "partition_key" -> "'" + start.toString().substring(0, 10) + "'";
                    default -> throw new IllegalArgumentException(v.name());
                };
            });
        }
        return sql.toString();
    }

    private static String literal(Instant t) {
        return "timestamp '" + LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString().replace('T', ' ') + "'";
    }

    private static String quote(NodeKey key) {
        return "\"" + key.schema() + "\".\"" + key.table() + "\"";
    }

    private static String type(Column c) {
        return c.type() == SqlType.DECIMAL ? "decimal(18, 4)" : c.type().label();
    }

    private static List<Asset> inDependencyOrder(List<Asset> assets) {
        Map<AssetKey, Asset> byKey = new LinkedHashMap<>();
        assets.forEach(a -> byKey.put(a.key(), a));
        List<Asset> out = new ArrayList<>();
        Map<AssetKey, Boolean> done = new LinkedHashMap<>();
        for (Asset a : assets) {
            visit(a, byKey, done, out);
        }
        return out;
    }

    private static void visit(Asset a, Map<AssetKey, Asset> byKey, Map<AssetKey, Boolean> done, List<Asset> out) {
        if (done.containsKey(a.key())) {
            if (!done.get(a.key())) {
                throw new IllegalStateException("a cycle through " + a.key());
            }
            return;
        }
        done.put(a.key(), false);
        for (NodeKey up : a.upstreams()) {
            if (up instanceof AssetKey k) {
                visit(byKey.get(k), byKey, done, out);
            }
        }
        done.put(a.key(), true);
        out.add(a);
    }

    private long count(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int execute(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
            return st.getUpdateCount();
        }
    }

    /** What a Java asset sees: the warehouse, its target, and its upstreams by name. */
    private final class Context implements AssetContext {
        private final AssetKey key;
        private final String target;

        Context(AssetKey key, String target) {
            this.key = key;
            this.target = target;
        }

        @Override
        public AssetKey key() {
            return key;
        }

        @Override
        public String runId() {
            return "crude-build";
        }

        @Override
        public Connection connection() {
            return db;
        }

        @Override
        public String target() {
            return target;
        }

        @Override
        public String table(String upstream) {
            return upstream.contains("/") ? quote(AssetKey.parse(upstream)) : quote(dev.martello.dsl.SourceKey.parse(
                upstream));
        }

        @Override
        public Optional<PartitionWindow> partition() {
            return Optional.empty();
        }

        @Override
        public int execute(String sql) throws SQLException {
            return CrudeBuild.this.execute(sql);
        }

        @Override
        public void log(String message) {
        }
    }
}
