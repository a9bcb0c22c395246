package dev.martello.core.warehouse;

import dev.martello.dsl.Column;
import dev.martello.dsl.SqlType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnContractTest {

    @Test
    void typesMatchByFamily() {
        assertThat(ColumnContract.compatible(SqlType.BIGINT, SqlType.INTEGER)).isTrue();
        assertThat(ColumnContract.compatible(SqlType.INTEGER, SqlType.BIGINT)).isTrue();
        assertThat(ColumnContract.compatible(SqlType.DECIMAL, SqlType.DOUBLE)).isTrue();
        assertThat(ColumnContract.compatible(SqlType.DECIMAL, SqlType.BIGINT)).isTrue();
        assertThat(ColumnContract.compatible(SqlType.BIGINT, SqlType.DECIMAL)).isFalse();
        assertThat(ColumnContract.compatible(SqlType.TIMESTAMP, SqlType.DATE)).isFalse();
        assertThat(ColumnContract.compatible(SqlType.VARCHAR, null)).isFalse();
    }

    @Test
    void namesEveryMismatchWithItsFix() {
        List<ColumnMismatch> mismatches = ColumnContract.compare(
            List.of(new Column("id", SqlType.BIGINT, false, ""), new Column("amount", SqlType.DECIMAL, true, ""),
                new Column("day", SqlType.DATE, true, "")),
            List.of(new ActualColumn("id", "varchar", SqlType.VARCHAR), new ActualColumn("day", "date", SqlType.DATE),
                new ActualColumn("extra", "json", null)));

        assertThat(mismatches).extracting(ColumnMismatch::describe).containsExactly(
            "column 'id' is declared bigint but is varchar. Cast it in the select, e.g. cast(id as bigint) as id,"
                + " or declare the column with the type it has.",
            "column 'amount' (decimal) is missing; the new version has id, day, extra. Add it to the select, or remove"
                + " it from the asset's columns.");
    }
}
