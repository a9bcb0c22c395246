package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract on DuckDB, plus what only DuckDB does: versions of a row group or more are committed aside before
 * their grouping checks, so a crash can leave one, which the next process's warehouse sweeps.
 */
class DuckDbWarehouseTest extends WarehouseContractTest {
    private static final long LARGE = SwapInTransaction.COMMIT_BEFORE_CHECKS_FROM_ROWS + 1_000;
    private static final String LARGE_SELECT = "select range as id, range % 7 as bucket from range(" + LARGE + ")";
    @TempDir
    static Path dataDir;

    @Override
    protected WarehouseConfig config() {
        return WarehouseConfig.duckDb(dataDir.resolve("data"));
    }

    @Override
    protected String slowSelect() {
        return "select count(*) as n from range(100000) a, range(100000) b where a.range + b.range % 7 = 3";
    }

    @Override
    protected String varcharName() {
        return "varchar";
    }

    @Override
    protected String missingTableMessage() {
        return "Catalog Error: Table with name no_such_table does not exist!";
    }

    @Override
    protected String missingTableState() {
        return null;
    }

    @Test
    void aLargeVersionIsCommittedBeforeItsChecksAndPublished() throws Exception {
        Asset asset = TestAsset.sql(mart + "/big", LARGE_SELECT).check(Check.unique("id")).build();

        Materialization m = materialize(asset, "run-1");

        assertThat(m.rows()).isEqualTo(OptionalLong.of(LARGE));
        assertThat(warehouse.rowCount(asset.key())).isEqualTo(OptionalLong.of(LARGE));
        assertThat(tablesLike(mart, "big!_!_v%")).isEmpty();
    }

    @Test
    void aLargeVersionFailingACheckAfterItsCommitIsDroppedAndTheOldOneStays() throws Exception {
        String key = mart + "/big";
        materialize(TestAsset.sql(key, LARGE_SELECT).check(Check.unique("id")).build(), "run-1");
        Asset duplicated = TestAsset.sql(key, LARGE_SELECT + " union all select 5, 5").check(Check.unique("id"))
            .build();

        assertThatThrownBy(() -> materialize(duplicated, "run-2")).isInstanceOf(VersionRejectedException.class)
            .hasMessageContaining("blocking check unique_id failed: 2 rows have a (id) that another row has too");

        assertThat(warehouse.rowCount(AssetKey.parse(key))).isEqualTo(OptionalLong.of(LARGE));
        assertThat(tablesLike(mart, "big!_!_v%")).isEmpty();
    }

    @Test
    void versionsACrashedProcessCommittedAreSweptByTheNextWarehouseButNotThoseInFlight() throws Exception {
        String key = mart + "/big";
        materialize(TestAsset.sql(key, "select 1 as id").build(), "run-1");
        sql("create table " + mart + ".big__vcrashed_0000 as select 2 as id",
            "create table " + mart + ".big__vbuilding_0000 as select 3 as id",
            "create table " + mart + ".big__vip as select 4 as id",
            "create table " + mart + ".other__vcrashed_0000 as select 5 as id");
        CrashSweep.building(mart, "big__vbuilding_0000");
        try (Warehouse next = JdbcWarehouse.open(config())) {
            next.materialize(MaterializationRequest.of(TestAsset.sql(key, "select 6 as id").build(), "run-2"));
        } finally {
            CrashSweep.done(mart, "big__vbuilding_0000");
        }

        assertThat(ids(mart + ".big")).containsExactly(6L);
        // Gone: the crashed version. Kept: a build in flight, a table merely named alike, another asset's version.
        assertThat(tablesLike(mart, "%!_!_v%")).containsExactlyInAnyOrder("big__vbuilding_0000", "big__vip",
            "other__vcrashed_0000");
    }
}
