package dev.martello.marts.demodata;

import dev.martello.dsl.SqlType;

import java.util.List;
import java.util.stream.Collectors;

/** One raw source table of the demo: its schema, name and columns in insert order. */
record RawTable(String schema, String name, List<Column> columns) {

    RawTable {
        columns = List.copyOf(columns);
    }

    /** A column; DECIMAL is {@code decimal(18, 8)}, the only decimal the raw sources use. */
    record Column(String name, SqlType type, boolean nullable) {
        static final int DECIMAL_SCALE = 8;

        String ddl() {
            String type = this.type == SqlType.DECIMAL ? "decimal(18, " + DECIMAL_SCALE + ")" : this.type.label();
            return name + " " + type + (nullable ? "" : " not null");
        }
    }

    String qualifiedName() {
        return schema + "." + name;
    }

    String createSql() {
        return "create table " + qualifiedName() + " ("
            + columns.stream().map(Column::ddl).collect(Collectors.joining(", ")) + ")";
    }

    String dropSql() {
        return "drop table if exists " + qualifiedName() + " cascade";
    }

    /** {@code insert into t (a, b) values (?, ?), (?, ?)} with {@code rows} rows of markers. */
    String insertSql(int rows) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String row = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        return "insert into " + qualifiedName() + " (" + names + ") values " + String.join(", ",
            java.util.Collections.nCopies(rows, row));
    }
}
