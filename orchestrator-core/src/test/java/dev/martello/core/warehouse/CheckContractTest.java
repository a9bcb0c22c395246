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
 * The part of the warehouse contract about judging a new version before it is published: blocking and warning
 * checks, their counts and samples, and the declared column contract. Run on every backend through
 * {@link WarehouseContractTest}, which adds publishing, partitions, cleanup, views, timeouts and Java assets.
 */
abstract class CheckContractTest extends WarehouseFixture {
    protected static final String ORDERS = "select id, status from {{ source('raw.orders') }}";

    /** How this backend names a cast to varchar in its result metadata. */
    protected abstract String varcharName();

    @Test
    void aFailingBlockingCheckKeepsThePreviousVersion() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, ORDERS).check(Check.notNull("status")).build(), "run-1");
        Asset broken = TestAsset.sql(key, "select id, case when id > 3 then null else status end as status"
            + " from {{ source('raw.orders') }}").check(Check.notNull("status")).build();

        VersionRejectedException e = catchThrowableOfType(VersionRejectedException.class,
            () -> materialize(broken, "run-2"));

        assertThat(e).hasMessage("Asset '" + mart + "/orders' was not published: blocking check not_null_status"
            + " failed: 2 rows have a null 'status'. The published data is unchanged.");
        assertThat(e.checks()).containsExactly(new CheckResult("not_null_status", Severity.ERROR, false, 2,
            "2 rows have a null 'status'."));
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(key))).isEmpty();
    }

    @Test
    void aFailingWarnCheckDoesNotBlock() throws Exception {
        Asset asset = TestAsset.sql(mart + "/orders", "select id, case when id > 3 then null else status end as status"
            + " from {{ source('raw.orders') }}").check(Check.notNull("status").withSeverity(Severity.WARN)).build();

        Materialization m = materialize(asset, "run-1");

        assertThat(m.checks()).containsExactly(new CheckResult("not_null_status", Severity.WARN, false, 2,
            "2 rows have a null 'status'."));
        assertThat(ids(mart + ".orders")).hasSize(5);
    }

    @Test
    void checksCountFailingRowsAndShowASample() {
        Asset asset = TestAsset.sql(mart + "/orders", ORDERS + " union all select 1, 'paid'")
            .check(Check.unique("id").withSeverity(Severity.WARN))
            .check(Check.acceptedValues("status", "paid", "open", "it's").withSeverity(Severity.WARN))
            .check(Check.rowCount(10L, null).withSeverity(Severity.WARN))
            .check(Check.sql("late_orders", "select id from {{ this }} where id > 4").withSeverity(Severity.WARN))
            .check(Check.notNull("id"))
            .build();

        Materialization m = materialize(asset, "run-1");

        assertThat(m.checks()).containsExactly(
            new CheckResult("unique_id", Severity.WARN, false, 2, "2 rows have a (id) that another row has too,"
                + " e.g. 1."),
            new CheckResult("accepted_values_status", Severity.WARN, false, 1, "1 row has a 'status' outside"
                + " [paid, open, it's], e.g. refunded."),
            new CheckResult("row_count", Severity.WARN, false, 0, "6 rows; expected at least 10."),
            new CheckResult("late_orders", Severity.WARN, false, 1, "the query returned 1 row, e.g. 5."),
            new CheckResult("not_null_id", Severity.ERROR, true, 0, "no row has a null 'id'."));
    }

    @Test
    void aWrongColumnTypeKeepsThePreviousVersion() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, ORDERS).column("id", SqlType.BIGINT).build(), "run-1");
        Asset broken = TestAsset.sql(key, "select cast(id as varchar) as id, status from {{ source('raw.orders') }}")
            .column("id", SqlType.BIGINT).build();

        assertThatThrownBy(() -> materialize(broken, "run-2"))
            .isInstanceOf(VersionRejectedException.class)
            .hasMessage("Asset '" + mart + "/orders' was not published: its new version breaks the column contract:"
                + " column 'id' is declared bigint but is " + varcharName() + ". Cast it in the select, e.g."
                + " cast(id as bigint) as id, or declare the column with the type it has."
                + " The published data is unchanged.");
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(warehouse.cleanupLeftovers(AssetKey.parse(key))).isEmpty();
    }

    @Test
    void missingColumnsAreAllListed() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, "select id, status, amount from {{ source('raw.orders') }}").build(), "run-1");
        Asset broken = TestAsset.sql(key, "select id from {{ source('raw.orders') }}")
            .column("id", SqlType.BIGINT).column("status", SqlType.VARCHAR).column("amount", SqlType.DECIMAL).build();

        assertThatThrownBy(() -> materialize(broken, "run-2"))
            .isInstanceOf(VersionRejectedException.class)
            .hasMessage("Asset '" + mart + "/orders' was not published: its new version breaks the column contract"
                + " in 2 places:\n"
                + "  1. column 'status' (varchar) is missing; the new version has id. Add it to the select, or remove"
                + " it from the asset's columns.\n"
                + "  2. column 'amount' (decimal) is missing; the new version has id. Add it to the select, or remove"
                + " it from the asset's columns.\n"
                + "The published data is unchanged.");
        assertThat(rows(mart + ".orders")).hasSize(5).allMatch(r -> r.split("\\|").length == 3);
    }

    @Test
    void rowLevelChecksShareOneScanAndStillCountEachOnItsOwn() throws Exception {
        Asset asset = TestAsset.sql(mart + "/orders", "select id, case when id = 2 then null else status end as status,"
                + " case when id > 3 then null else id end as maybe from {{ source('raw.orders') }}")
            .check(Check.notNull("status").withSeverity(Severity.WARN))
            .check(Check.notNull("maybe").withSeverity(Severity.WARN))
            .check(Check.acceptedValues("status", "paid").withSeverity(Severity.WARN))
            .check(Check.notNull("id"))
            .build();

        Materialization m = materialize(asset, "run-1");

        assertThat(m.rows()).isEqualTo(OptionalLong.of(5));
        assertThat(m.checks()).extracting(CheckResult::name, CheckResult::failingRows).containsExactly(
            org.assertj.core.groups.Tuple.tuple("not_null_status", 1L),
            org.assertj.core.groups.Tuple.tuple("not_null_maybe", 2L),
            org.assertj.core.groups.Tuple.tuple("accepted_values_status", 1L),
            org.assertj.core.groups.Tuple.tuple("not_null_id", 0L));
    }
}
