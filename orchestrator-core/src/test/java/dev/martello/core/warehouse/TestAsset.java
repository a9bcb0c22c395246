package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetFunction;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Check;
import dev.martello.dsl.Column;
import dev.martello.dsl.Compute;
import dev.martello.dsl.Location;
import dev.martello.dsl.MaterializationKind;
import dev.martello.dsl.Partitions;
import dev.martello.dsl.RetryPolicy;
import dev.martello.dsl.SqlTemplate;
import dev.martello.dsl.SqlType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds {@link Asset} records directly, without a mart's load-time rules, for warehouse tests. */
final class TestAsset {
    private final AssetKey key;
    private final Compute compute;
    private MaterializationKind kind = MaterializationKind.TABLE;
    private Partitions partitions;
    private String partitionColumn;
    private final List<Check> checks = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();

    private TestAsset(String key, Compute compute) {
        this.key = AssetKey.parse(key);
        this.compute = compute;
    }

    static TestAsset sql(String key, String sql) {
        AssetKey k = AssetKey.parse(key);
        return new TestAsset(key, new Compute.Sql(SqlTemplate.parse(sql, k.mart()), "inline"));
    }

    static TestAsset java(String key, AssetFunction function) {
        return new TestAsset(key, new Compute.Java(function));
    }

    TestAsset view() {
        kind = MaterializationKind.VIEW;
        return this;
    }

    TestAsset dailyBy(String column) {
        kind = MaterializationKind.INCREMENTAL;
        partitions = Partitions.daily("2024-01-01", "UTC");
        partitionColumn = column;
        return this;
    }

    TestAsset keyedBy(String column, String... keys) {
        kind = MaterializationKind.INCREMENTAL;
        partitions = Partitions.of(keys);
        partitionColumn = column;
        return this;
    }

    TestAsset column(String name, SqlType type) {
        columns.add(new Column(name, type, true, ""));
        return this;
    }

    TestAsset check(Check check) {
        checks.add(check);
        return this;
    }

    Asset build() {
        return new Asset(key, "", List.of(), false, List.of(), compute, kind, partitions, partitionColumn, null, checks,
            columns, Map.of(), "test", null, RetryPolicy.NONE, (Duration) null, Location.UNKNOWN);
    }
}
