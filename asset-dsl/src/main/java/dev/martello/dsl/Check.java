package dev.martello.dsl;

import java.util.List;

/**
 * A data-quality check run on the new version of an asset; {@link Severity#ERROR} checks block the publish.
 *
 * <p>{@code .check(Check.rowCount(1L, null))}, {@code .column("status", VARCHAR, c -> c.acceptedValues("paid", "open"))}
 */
public sealed interface Check {

    /** A name unique within its asset, e.g. {@code not_null_order_id}. */
    String name();

    Severity severity();

    /** This check with another severity. */
    Check withSeverity(Severity severity);

    record NotNull(String column, Severity severity) implements Check {
        @Override public String name() { return "not_null_" + column; }
        @Override public Check withSeverity(Severity s) { return new NotNull(column, s); }
    }

    record Unique(List<String> columns, Severity severity) implements Check {
        public Unique { columns = List.copyOf(columns); }
        @Override public String name() { return "unique_" + String.join("_", columns); }
        @Override public Check withSeverity(Severity s) { return new Unique(columns, s); }
    }

    record AcceptedValues(String column, List<String> values, Severity severity) implements Check {
        public AcceptedValues { values = List.copyOf(values); }
        @Override public String name() { return "accepted_values_" + column; }
        @Override public Check withSeverity(Severity s) { return new AcceptedValues(column, values, s); }
    }

    /** Row count within bounds; a null bound is open. */
    record RowCount(Long min, Long max, Severity severity) implements Check {
        @Override public String name() { return "row_count"; }
        @Override public Check withSeverity(Severity s) { return new RowCount(min, max, s); }
    }

    /** A SQL query returning the failing rows; the check passes when it returns none. May use the template syntax. */
    record CustomSql(String name, String sql, Severity severity) implements Check {
        @Override public Check withSeverity(Severity s) { return new CustomSql(name, sql, s); }
    }

    static Check notNull(String column) {
        return new NotNull(column, Severity.ERROR);
    }

    static Check unique(String... columns) {
        return new Unique(List.of(columns), Severity.ERROR);
    }

    static Check acceptedValues(String column, String... values) {
        return new AcceptedValues(column, List.of(values), Severity.ERROR);
    }

    static Check rowCount(Long min, Long max) {
        return new RowCount(min, max, Severity.ERROR);
    }

    /** {@code Check.sql("no_negative_amounts", "select * from {{ this }} where amount < 0")} */
    static Check sql(String name, String failingRowsQuery) {
        return new CustomSql(name, failingRowsQuery, Severity.ERROR);
    }
}
