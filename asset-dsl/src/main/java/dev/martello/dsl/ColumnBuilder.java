package dev.martello.dsl;

import java.util.ArrayList;
import java.util.List;

/** Options of one contract column: {@code c -> c.notNull().unique().describedAs("…")}. */
public final class ColumnBuilder {
    private final String name;
    private final List<Check> checks = new ArrayList<>();
    private boolean nullable = true;
    private String description = "";
    private Severity severity = Severity.ERROR;

    ColumnBuilder(String name) {
        this.name = name;
    }

    /** The column may not hold nulls; checked before every publish. */
    public ColumnBuilder notNull() {
        nullable = false;
        checks.add(Check.notNull(name));
        return this;
    }

    /** The column's values are unique; checked before every publish. */
    public ColumnBuilder unique() {
        checks.add(Check.unique(name));
        return this;
    }

    /** The column holds only these values (nulls aside). */
    public ColumnBuilder acceptedValues(String... values) {
        checks.add(Check.acceptedValues(name, values));
        return this;
    }

    /** This column's checks only warn instead of blocking the publish. */
    public ColumnBuilder warnOnly() {
        severity = Severity.WARN;
        return this;
    }

    public ColumnBuilder describedAs(String text) {
        description = text;
        return this;
    }

    Column column(SqlType type) {
        return new Column(name, type, nullable, description);
    }

    List<Check> checks() {
        return checks.stream().map(c -> c.withSeverity(severity)).toList();
    }
}
