package dev.martello.cli.crash;

import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;

import java.util.List;

/**
 * The marts a crashing child materializes: every kind of publish (tables, a view, an incremental partition) and one
 * slow asset, {@code shop/customer_totals}, whose statement runs long enough to be killed in the middle. Its result
 * does not depend on how slow it is made, so every backend publishes the same rows.
 */
public final class CrashMarts {
    /** The relations a reader can query once a run has published them, in dependency order. */
    static final List<String> PUBLISHED = List.of("shop.orders", "shop.customer_totals",
        "shop.region_sales", "core.top_customers", "core.customer_view");

    private CrashMarts() {
    }

    /** {@code repeat}: how many times each order is read, which sets how long the slow statement takes. */
    static Mart shop(long repeat) {
        return Mart.application("shop").owner("team:shop").producer("raw_shop")
            .source("raw_shop.orders", s -> s.loadedAt("_loaded_at"))
            .asset("orders", a -> a.sql("select * from {{ source('raw_shop.orders') }}"))
            .asset("customer_totals", a -> a.exposed().sql("""
                select o.customer_id, sum(case when g.i = 1 then 1 else 0 end) as orders,
                       sum(case when g.i = 1 then o.amount else 0 end) as amount
                from {{ ref('shop/orders') }} o cross join generate_series(1, %d) as g(i)
                group by o.customer_id""".formatted(repeat)))
            .asset("region_sales", a -> a.partitionedBy("eu", "us").incremental("region").sql("""
                select region, customer_id, sum(amount) as amount from {{ ref('shop/orders') }}
                where region = {{ partition_key }} group by region, customer_id"""))
            .build();
    }

    /** The slow statement takes about a second or two on the embedded PostgreSQL. */
    public static final class PostgresShop implements MartDefinition {
        @Override
        public Mart define() {
            return shop(5_000);
        }
    }

    /** DuckDB is columnar and parallel: the same second or two needs far more rows. */
    public static final class DuckDbShop implements MartDefinition {
        @Override
        public Mart define() {
            return shop(100_000);
        }
    }

    public static final class Core implements MartDefinition {
        @Override
        public Mart define() {
            return Mart.integrated("core").owner("team:core")
                .asset("top_customers", a -> a.sql(
                    "select customer_id, amount from {{ ref('shop/customer_totals') }} where amount > 15000"))
                .asset("customer_view", a -> a.view().sql(
                    "select customer_id, orders from {{ ref('shop/customer_totals') }}"))
                .build();
        }
    }
}
