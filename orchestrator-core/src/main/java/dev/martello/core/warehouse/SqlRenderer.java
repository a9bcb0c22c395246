package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.SqlTemplate;

/**
 * Renders a {@link SqlTemplate} for one warehouse: {@code ref} and {@code source} become quoted qualified names,
 * {@code this} the relation the caller names, the partition variables UTC timestamp literals and a quoted key.
 *
 * <p>{@code select * from {{ ref('commerce/orders') }} where day >= {{ partition_start }}} becomes
 * {@code select * from "commerce"."orders" where day >= TIMESTAMP '2024-01-01 00:00:00'}
 */
final class SqlRenderer {
    private final Dialect dialect;

    SqlRenderer(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param asset the asset the SQL belongs to, for messages
     * @param self what {@code {{ this }}} means here: the published asset in its compute SQL (as in dbt, to read the
     *             previous data), the version being built in a check
     * @param partition null when the asset is not partitioned
     */
    String render(SqlTemplate template, AssetKey asset, String self, PartitionWindow partition) {
        StringBuilder out = new StringBuilder(template.text().length());
        for (SqlTemplate.Part part : template.parts()) {
            out.append(switch (part) {
                case SqlTemplate.Text t -> t.sql();
                case SqlTemplate.Ref r -> dialect.relation(r.key());
                case SqlTemplate.Source s -> dialect.relation(s.key());
                case SqlTemplate.Variable v -> variable(v.name(), asset, self, partition);
            });
        }
        return out.toString();
    }

    private String variable(String name, AssetKey asset, String self, PartitionWindow p) {
        return switch (name) {
            case "this" -> self;
            case "partition_key" -> dialect.literal(need(p, name, asset).key());
            case "partition_start" -> dialect.literal(timed(p, name, asset).start());
            case "partition_end" -> dialect.literal(timed(p, name, asset).end());
            default -> throw new IllegalArgumentException("unknown template variable '" + name + "' in the SQL of '"
                + asset + "'");
        };
    }

    private static PartitionWindow need(PartitionWindow p, String variable, AssetKey asset) {
        if (p == null) {
            throw new IllegalArgumentException("The SQL of '" + asset + "' uses {{ " + variable + " }} but is"
                + " materialized without a partition: declare partitions on the asset, or remove the variable.");
        }
        return p;
    }

    private static PartitionWindow timed(PartitionWindow p, String variable, AssetKey asset) {
        if (need(p, variable, asset).start() == null) {
            throw new IllegalArgumentException("The SQL of '" + asset + "' uses {{ " + variable + " }} but partition '"
                + p.key() + "' is a static key without a time window: use {{ partition_key }}.");
        }
        return p;
    }
}
