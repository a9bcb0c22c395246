package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Check;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.Severity;
import dev.martello.dsl.SourceKey;
import dev.martello.dsl.SqlTemplate;
import dev.martello.dsl.SqlType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The warehouse contract, run once per backend so DuckDB, H2 and PostgreSQL behave the same by construction. Each test
 * works in its own schema ({@code m1}, {@code m2}, …) over one shared source table, {@code raw.orders}.
 */
abstract class WarehouseContractTest extends CheckContractTest {
    private static final String DAY_ROWS = "select id, status, ordered_at from {{ source('raw.orders') }}"
        + " where ordered_at >= {{ partition_start }} and ordered_at < {{ partition_end }}";

    /** A select that runs for many seconds unless cancelled. */
    protected abstract String slowSelect();

    /** The text this backend's error about the missing table {@code raw.no_such_table} contains. */
    protected abstract String missingTableMessage();

    /** This backend's SQL state for a missing table; null when its driver gives none. */
    protected abstract String missingTableState();

    @Test
    void publishesATableAndARerunLeavesIdenticalRows() throws Exception {
        Asset asset = TestAsset.sql(mart + "/orders", "select id, status, amount from {{ source('raw.orders') }}"
            + " where status <> 'refunded'").column("id", SqlType.BIGINT).column("amount", SqlType.DECIMAL).build();

        Materialization first = materialize(asset, "run-1");
        List<String> afterFirst = rows(mart + ".orders");
        Materialization second = materialize(asset, "run-2");

        assertThat(first.rows()).isEqualTo(OptionalLong.of(4));
        assertThat(second.rows()).isEqualTo(OptionalLong.of(4));
        assertThat(rows(mart + ".orders")).isEqualTo(afterFirst).hasSize(4);
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L, 3L, 5L);
        assertThat(warehouse.rowCount(asset.key())).isEqualTo(OptionalLong.of(4));
        assertThat(warehouse.cleanupLeftovers(asset.key())).isEmpty();
    }

    @Test
    void readersSeeThePreviousVersionUntilThePublish() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, ORDERS).build(), "run-1");
        AtomicReference<List<Long>> seenWhileBuilding = new AtomicReference<>();
        Asset rebuilt = TestAsset.java(key, ctx -> {
            ctx.execute("create table " + ctx.target() + " as select id, status from " + ctx.table("raw.orders")
                + " where id <= 2");
            seenWhileBuilding.set(ids(mart + ".orders"));
        }).build();

        materialize(rebuilt, "run-2");

        assertThat(seenWhileBuilding.get()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L);
    }

    @Test
    void replacingAPartitionTwiceAddsNoDuplicates() throws Exception {
        Asset events = TestAsset.sql(mart + "/events", DAY_ROWS).dailyBy("ordered_at").build();

        Materialization first = materialize(events, "run-1", day("2024-01-01"));
        materialize(events, "run-2", day("2024-01-01"));
        materialize(events, "run-3", day("2024-01-02"));

        assertThat(first.rows()).isEqualTo(OptionalLong.of(2));
        assertThat(ids(mart + ".events")).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aPartitionFailingACheckKeepsItsPreviousRows() throws Exception {
        String key = mart + "/events";
        materialize(TestAsset.sql(key, DAY_ROWS).dailyBy("ordered_at").build(), "run-1", day("2024-01-01"));
        materialize(TestAsset.sql(key, DAY_ROWS).dailyBy("ordered_at").build(), "run-1", day("2024-01-02"));
        Asset broken = TestAsset.sql(key, DAY_ROWS.replace("select id, status", "select id, cast(null as varchar)"
            + " as status")).dailyBy("ordered_at").check(Check.notNull("status")).build();

        assertThatThrownBy(() -> materialize(broken, "run-2", day("2024-01-01")))
            .isInstanceOf(VersionRejectedException.class)
            .hasMessageContaining("blocking check not_null_status failed: 2 rows have a null 'status'.");
        assertThat(rows(mart + ".events")).hasSize(4).noneMatch(r -> r.contains("null"));
    }

    @Test
    void rowsOutsideThePartitionAreRejected() {
        Asset leaky = TestAsset.sql(mart + "/events", "select id, status, ordered_at from {{ source('raw.orders') }}")
            .dailyBy("ordered_at").build();

        assertThatThrownBy(() -> materialize(leaky, "run-1", day("2024-01-01")))
            .isInstanceOf(VersionRejectedException.class)
            .hasMessage("Asset '" + mart + "/events' was not published: blocking check partition_bounds failed:"
                + " 3 rows have a 'ordered_at' outside partition 2024-01-01 [2024-01-01 00:00:00, 2024-01-02 00:00:00);"
                + " filter the select with {{ partition_start }} and {{ partition_end }}."
                + " The published data is unchanged.");
        assertThat(warehouse.rowCount(AssetKey.parse(mart + "/events"))).isEmpty();
    }

    @Test
    void partitionsOfOneAssetCanBeReplacedConcurrently() throws Exception {
        Asset events = TestAsset.sql(mart + "/events", DAY_ROWS).dailyBy("ordered_at").build();

        // Round 1 races to create the table; later rounds replace rows side by side.
        for (int round = 1; round <= 3; round++) {
            String run = "run-" + round;
            CompletableFuture<Materialization> first = CompletableFuture.supplyAsync(
                () -> materialize(events, run, day("2024-01-01")));
            CompletableFuture<Materialization> second = CompletableFuture.supplyAsync(
                () -> materialize(events, run, day("2024-01-02")));
            CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
        }

        assertThat(ids(mart + ".events")).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void staticPartitionsAreReplacedByKey() throws Exception {
        Asset byStatus = TestAsset.sql(mart + "/by_status", ORDERS + " where status = {{ partition_key }}")
            .keyedBy("status", "paid", "open").build();

        materialize(byStatus, "run-1", new PartitionWindow("paid", null, null));
        materialize(byStatus, "run-2", new PartitionWindow("paid", null, null));
        materialize(byStatus, "run-2", new PartitionWindow("open", null, null));

        assertThat(ids(mart + ".by_status")).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void cleanupDropsWhatCrashedRunsLeftAndKeepsThePublishedVersion() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, ORDERS).build(), "run-1");
        List<String> published = rows(mart + ".orders");
        sql("create table " + mart + ".orders__vcrashed_0000 as select 1 as id",
            "create view " + mart + ".orders__vcrashed_0001 as select 2 as id",
            "create table " + mart + ".orders__vip as select 3 as id");

        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(key)))
            .containsExactly(mart + ".orders__vcrashed_0000", mart + ".orders__vcrashed_0001");
        assertThat(rows(mart + ".orders")).isEqualTo(published);
        // What remains: a table merely named alike, and the published version where the public name is a view.
        assertThat(tablesLike(mart, "orders!_!_v%")).contains("orders__vip")
            .doesNotContain("orders__vcrashed_0000", "orders__vcrashed_0001").hasSizeBetween(1, 2);

        materialize(TestAsset.sql(key, ORDERS).build(), "run-2");
        assertThat(rows(mart + ".orders")).isEqualTo(published);
        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(key))).isEmpty();
    }

    @Test
    void aRunThatDiesMidBuildLeavesThePreviousVersionAndNothingAfterTheNextRun() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, ORDERS).build(), "run-1");
        Asset dying = TestAsset.java(key, ctx -> {
            ctx.execute("create table " + ctx.target() + " as select id, status from " + ctx.table("raw.orders")
                + " where id = 1");
            // As if the process died here: the warehouse session ends with no rollback or cleanup from the engine.
            ctx.connection().unwrap(Connection.class).close();
            throw new IllegalStateException("killed");
        }).build();

        assertThatThrownBy(() -> materialize(dying, "run-2")).isInstanceOf(RuntimeException.class);
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L, 3L, 4L, 5L);
        // Where DDL autocommits (H2) the dead run's version survives; elsewhere its transaction rolled back.
        List<String> afterCrash = tablesLike(mart, "orders!_!_v%");

        materialize(TestAsset.sql(key, ORDERS + " where id <= 4").build(), "run-3");
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(tablesLike(mart, "orders!_!_v%")).noneMatch(afterCrash::contains).hasSizeLessThan(2);
        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(key))).isEmpty();
    }

    @Test
    void aSqlErrorIsAWarehouseFailureWithTheWarehousesOwnMessage() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, ORDERS).build(), "run-1");

        WarehouseException e = catchThrowableOfType(WarehouseException.class, () ->
            materialize(TestAsset.sql(key, "select id from {{ source('raw.no_such_table') }}").build(), "run-2"));

        assertThat(e.getMessage()).startsWith("The warehouse (" + warehouse.name() + ") failed while materializing '"
            + key + "': ");
        assertThat(e.warehouseMessage()).contains(missingTableMessage());
        assertThat(e.sqlState()).isEqualTo(missingTableState());
        assertThat(ids(mart + ".orders")).hasSize(5);
        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(key))).isEmpty();
    }

    @Test
    void aSchemaDroppedBehindTheEnginesBackFailsOneMaterializationAndTheNextCreatesItAgain() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, ORDERS).build(), "run-1");
        sql("drop schema " + mart + " cascade");

        // The warehouse remembers the schema it created; the step that finds it gone fails with the backend's reason.
        assertThatThrownBy(() -> materialize(TestAsset.sql(key, ORDERS).build(), "run-2"))
            .isInstanceOf(WarehouseException.class);
        materialize(TestAsset.sql(key, ORDERS).build(), "run-3");

        assertThat(ids(mart + ".orders")).hasSize(5);
    }

    @Test
    void viewsArePublishedAndFollowTheirUpstreamTable() throws Exception {
        materialize(TestAsset.sql(mart + "/orders", ORDERS).build(), "run-1");
        Asset paid = TestAsset.sql(mart + "/paid", "select id from {{ ref('orders') }} where status = 'paid'")
            .view().column("id", SqlType.BIGINT).check(Check.rowCount(1L, null)).build();

        Materialization m = materialize(paid, "run-1");
        assertThat(m.rows()).isEmpty();
        assertThat(ids(mart + ".paid")).containsExactly(1L, 3L, 5L);

        materialize(TestAsset.sql(mart + "/orders", ORDERS + " where id <= 3").build(), "run-2");
        assertThat(ids(mart + ".paid")).containsExactly(1L, 3L);

        // A column appended upstream keeps the dependent view valid on every backend.
        materialize(TestAsset.sql(mart + "/orders", "select id, status, amount from {{ source('raw.orders') }}")
            .build(), "run-3");
        assertThat(ids(mart + ".paid")).containsExactly(1L, 3L, 5L);

        materialize(TestAsset.sql(mart + "/paid", "select id, status from {{ ref('orders') }}").view().build(),
            "run-4");
        assertThat(rows(mart + ".paid")).hasSize(5).allMatch(r -> r.split("\\|").length == 2);
        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(mart + "/paid"))).isEmpty();
    }

    @Test
    void aViewFailingItsContractKeepsThePreviousView() throws Exception {
        String key = mart + "/paid";
        materialize(TestAsset.sql(key, ORDERS + " where status = 'paid'").view().build(), "run-1");
        Asset broken = TestAsset.sql(key, "select status from {{ source('raw.orders') }}").view()
            .column("id", SqlType.BIGINT).build();

        assertThatThrownBy(() -> materialize(broken, "run-2")).isInstanceOf(VersionRejectedException.class)
            .hasMessageContaining("column 'id' (bigint) is missing; the new version has status.");
        assertThat(ids(mart + ".paid")).containsExactly(1L, 3L, 5L);
    }

    @Test
    void anAssetCanChangeItsKindAndStaysReadable() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, ORDERS).build(), "run-1");
        materialize(TestAsset.sql(key, ORDERS + " where id <= 4").view().build(), "run-2");
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L, 3L, 4L);

        materialize(TestAsset.sql(key, "select id, status, ordered_at from {{ source('raw.orders') }} where id >= 3")
            .build(), "run-3");
        assertThat(ids(mart + ".orders")).containsExactly(3L, 4L, 5L);

        // A full table turned incremental keeps its rows; its first partition is replaced into them.
        materialize(TestAsset.sql(key, DAY_ROWS).dailyBy("ordered_at").build(), "run-4", day("2024-01-01"));
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L, 3L, 4L, 5L);

        materialize(TestAsset.sql(key, ORDERS + " where id <= 2").view().build(), "run-4");
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L);

        materialize(TestAsset.sql(key, ORDERS).build(), "run-5");
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(key))).isEmpty();
    }

    @Test
    void aTimeoutCancelsTheRunningStatement() throws Exception {
        String key = mart + "/slow";
        materialize(TestAsset.sql(key, "select 42 as n").build(), "run-1");
        Asset slow = TestAsset.sql(key, slowSelect()).build();

        long started = System.nanoTime();
        MaterializationCancelledException e = catchThrowableOfType(MaterializationCancelledException.class, () ->
            warehouse.materialize(MaterializationRequest.of(slow, "run-2").withTimeout(Duration.ofSeconds(1))));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(e.timedOut()).isTrue();
        assertThat(e).hasMessage("Materializing '" + key + "' was stopped after its timeout of 1s: the warehouse"
            + " statement was cancelled and the published data is unchanged.");
        assertThat(rows(mart + ".slow")).containsExactly("42");
        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(key))).isEmpty();
    }

    @Test
    void cancellingTheRunStopsTheStatement() throws Exception {
        Asset slow = TestAsset.sql(mart + "/slow", slowSelect()).build();
        Cancellation cancellation = new Cancellation();
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(cancellation::cancel);

        MaterializationCancelledException e = catchThrowableOfType(MaterializationCancelledException.class, () ->
            warehouse.materialize(MaterializationRequest.of(slow, "run-1").withCancellation(cancellation)));

        assertThat(e.timedOut()).isFalse();
        assertThat(warehouse.rowCount(slow.key())).isEmpty();
        assertThat(warehouse.materialize(MaterializationRequest.of(TestAsset.sql(mart + "/after", "select 1 as n")
            .build(), "run-2")).rows()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void aTimeoutAlsoCancelsStatementsAJavaAssetRunsItself() {
        Asset slow = TestAsset.java(mart + "/slow", ctx -> {
            try (Statement st = ctx.connection().createStatement()) {
                st.execute("create table " + ctx.target() + " as " + slowSelect());
            }
        }).build();

        long started = System.nanoTime();
        MaterializationCancelledException e = catchThrowableOfType(MaterializationCancelledException.class, () ->
            warehouse.materialize(MaterializationRequest.of(slow, "run-1").withTimeout(Duration.ofMillis(500))));

        assertThat(e.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(warehouse.cleanupLeftovers(slow.key())).isEmpty();
    }

    @Test
    void javaAssetsWriteIntoTheVersionBeingBuilt() throws Exception {
        List<String> log = new ArrayList<>();
        Asset asset = TestAsset.java(mart + "/labels", ctx -> {
            int n = ctx.execute("insert into " + ctx.target() + " select id, status from " + ctx.table("raw.orders")
                + " where status = 'paid'");
            try (Statement st = ctx.connection().createStatement()) {
                st.executeUpdate("insert into " + ctx.target() + " values (99, 'extra')");
            }
            ctx.connection().close();
            ctx.log("inserted " + n + " rows into " + ctx.target().replaceAll("(?i)__v.*", "__v…"));
        }).column("id", SqlType.BIGINT).column("label", SqlType.VARCHAR).check(Check.notNull("label")).build();

        Materialization m = warehouse.materialize(MaterializationRequest.of(asset, "run-1").withLog(log::add));

        assertThat(m.rows()).isEqualTo(OptionalLong.of(4));
        assertThat(ids(mart + ".labels")).containsExactly(1L, 3L, 5L, 99L);
        assertThat(log).containsExactly("inserted 3 rows into " + quoted(mart) + ".\"" + catalogName("labels")
            + "__v…");
    }

    @Test
    void aFailingJavaAssetIsAUserCodeFailure() throws Exception {
        String key = mart + "/labels";
        materialize(TestAsset.sql(key, ORDERS).build(), "run-1");
        Asset failing = TestAsset.java(key, ctx -> {
            ctx.execute("create table " + ctx.target() + " as select 1 as id");
            throw new IllegalStateException("no labels today");
        }).build();

        assertThatThrownBy(() -> materialize(failing, "run-2")).isInstanceOf(ComputeException.class)
            .hasMessage("The Java code of asset '" + key + "' failed: IllegalStateException: no labels today");
        assertThat(ids(mart + ".labels")).hasSize(5);
        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(key))).isEmpty();
    }

    @Test
    void rendersTemplatesWithQuotedNamesAndPartitionLiterals() {
        SqlTemplate template = SqlTemplate.parse("select * from {{ ref('sales/orders') }}"
            + " join {{ source('raw.orders') }} on d >= {{ partition_start }} and d < {{ partition_end }}"
            + " and k = {{ partition_key }} -- {{ this }}",
            "sales");
        PartitionWindow window = new PartitionWindow("o'k", Instant.parse("2024-01-01T23:00:00Z"),
            Instant.parse("2024-01-02T23:00:00Z"));

        assertThat(warehouse.render(template, AssetKey.parse("sales/daily"), window)).isEqualTo(
            "select * from " + quoted("sales") + "." + quoted("orders") + " join " + quoted("raw") + "."
                + quoted("orders") + " on d >= TIMESTAMP '2024-01-01 23:00:00'"
                + " and d < TIMESTAMP '2024-01-02 23:00:00' and k = 'o''k' -- " + quoted("sales") + "."
                + quoted("daily"));
    }

    @Test
    void countsRowsOfPublishedAssetsAndSources() {
        assertThat(warehouse.rowCount(SourceKey.parse("raw.orders"))).isEqualTo(OptionalLong.of(5));
        assertThat(warehouse.rowCount(AssetKey.parse(mart + "/nothing"))).isEmpty();
    }

}
