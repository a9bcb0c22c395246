package dev.martello.bench;

import java.util.List;

/**
 * The SQL of synthetic assets, shaped like a dbt project's models: staging selects rename and cast one source,
 * intermediate models join their inputs in CTEs, reporting models aggregate. Comments and uneven white space are
 * there on purpose, so code versions pay for normalising the text as they would on hand-written SQL.
 */
final class SyntheticSql {
    private SyntheticSql() {
    }

    /** A staging model over one or two sources ({@code schema.table}), the second joined by id. */
    static String staging(String name, List<String> sources) {
        StringBuilder sql = new StringBuilder(512)
            .append("-- ").append(name).append(": one row per record of ").append(sources.getFirst())
            .append(", renamed and typed\n")
            .append("select\n")
            .append("    cast(s.id as bigint)              as id,\n")
            .append("    cast(s._loaded_at as date)        as event_date,\n")
            .append("    cast(s.amount as decimal(18, 2))  as amount,\n")
            .append("    lower(trim(s.status))             as status");
        if (sources.size() > 1) {
            sql.append(",\n    j.amount                          as joined_amount");
        }
        sql.append("\nfrom {{ source('").append(sources.getFirst()).append("') }} s\n");
        if (sources.size() > 1) {
            sql.append("left join {{ source('").append(sources.get(1)).append("') }} j on j.id = s.id\n");
        }
        return sql.append("where s.id is not null  /* drop rows the loader could not key */\n").toString();
    }

    /**
     * An intermediate model joining its upstreams ({@code name} in the same mart, {@code mart/name} across marts)
     * in CTEs on id; {@code aggregate} makes it a reporting model, one row per id and day.
     */
    static String joined(String name, List<String> refs, boolean aggregate) {
        StringBuilder sql = new StringBuilder(256 + 160 * refs.size())
            .append("-- ").append(name).append(aggregate ? ": daily rollup of " : ": joins ")
            .append(String.join(", ", refs)).append('\n')
            .append("with\n");
        for (int i = 0; i < refs.size(); i++) {
            sql.append("u").append(i).append(" as (\n")
                .append("    select id, event_date, amount, status\n")
                .append("    from {{ ref('").append(refs.get(i)).append("') }}\n")
                .append("    where status <> 'deleted'\n")
                .append(i + 1 < refs.size() ? "),\n" : ")\n");
        }
        sql.append("select\n    u0.id,\n    u0.event_date,\n");
        if (aggregate) {
            sql.append("    count(*)                 as row_count,\n")
                .append("    sum(u0.amount)           as amount");
        } else {
            sql.append("    u0.status,\n    u0.amount");
        }
        for (int i = 1; i < refs.size(); i++) {
            sql.append(",\n    ").append(aggregate ? "sum(coalesce(u" + i + ".amount, 0))" : "u" + i + ".amount")
                .append(" as amount_").append(i);
        }
        sql.append("\nfrom u0\n");
        for (int i = 1; i < refs.size(); i++) {
            sql.append("left join u").append(i).append(" on u").append(i).append(".id = u0.id\n");
        }
        if (aggregate) {
            sql.append("group by u0.id, u0.event_date\n");
        }
        return sql.toString();
    }
}
