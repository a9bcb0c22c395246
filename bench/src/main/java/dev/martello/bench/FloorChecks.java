package dev.martello.bench;

import dev.martello.core.warehouse.Warehouse;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Check;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.SqlTemplate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An asset's declared checks as a plain script would run them, the way {@code dbt test} does: one query per check,
 * each counting its failing rows. The floor for "materialize and check" that {@link DemoFloor} can add.
 */
final class FloorChecks {
    private FloorChecks() {
    }

    static List<String> queries(Warehouse warehouse, Asset asset, String relation, PartitionWindow partition) {
        return asset.checks().stream().map(check -> switch (check) {
            case Check.NotNull c -> "select count(*) from " + relation + " t where " + q(c.column()) + " is null";
            case Check.Unique c -> {
                String keys = c.columns().stream().map(FloorChecks::q).collect(Collectors.joining(", "));
                yield "select count(*) from (select " + keys + " from " + relation + " t group by " + keys
                    + " having count(*) > 1) d";
            }
            case Check.AcceptedValues c -> "select count(*) from " + relation + " t where " + q(c.column())
                + " is not null" + (c.values().isEmpty() ? "" : " and cast(" + q(c.column()) + " as varchar) not in ("
                + c.values().stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "))
                + ")");
            case Check.RowCount c -> "select count(*) from " + relation + " t";
            case Check.CustomSql c -> "select count(*) from (" + warehouse.render(
                SqlTemplate.parse(c.sql(), asset.key().mart()), asset.key(), partition).strip()
                .replaceAll(";+$", "") + ") f";
        }).toList();
    }

    private static String q(String column) {
        return DirectSql.quoted(column);
    }
}
