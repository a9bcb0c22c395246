package dev.martello.core.execution;

import dev.martello.core.warehouse.Warehouse;
import dev.martello.dsl.Check;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartBuilder;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A small shop for execution tests: sources {@code raw.orders} and {@code raw.customers}; an application mart
 * {@code shop} (orders, customers, the view paid_orders) and an integrated mart {@code core}
 * (revenue_by_country, reading both). A suffix keeps the schemas of tests sharing one server apart.
 */
final class Shop {
    final String raw;
    final String shop;
    final String core;

    Shop(String suffix) {
        raw = "raw" + suffix;
        shop = "shop" + suffix;
        core = "core" + suffix;
    }

    static Shop plain() {
        return new Shop("");
    }

    void createSources(Warehouse warehouse) {
        try (Connection c = warehouse.connect()) {
            createSources(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void createSources(Connection warehouse) throws SQLException {
        List<String> statements = List.of(
            "create schema " + raw,
            "create table " + raw + ".orders (id bigint, customer_id bigint, amount decimal(10, 2), status varchar(20),"
                + " ordered_at timestamp)",
            "insert into " + raw + ".orders values (1, 1, 10.00, 'paid', TIMESTAMP '2024-01-01 08:00:00'),"
                + " (2, 2, 20.50, 'open', TIMESTAMP '2024-01-01 12:00:00'),"
                + " (3, 1, 5.25, 'paid', TIMESTAMP '2024-01-02 09:30:00'),"
                + " (4, 3, 7.00, 'refunded', TIMESTAMP '2024-01-02 18:00:00'),"
                + " (5, 2, 1.00, 'paid', TIMESTAMP '2024-01-03 00:00:00')",
            "create table " + raw + ".customers (id bigint, name varchar(50), country varchar(2))",
            "insert into " + raw + ".customers values (1, 'Ada', 'DE'), (2, 'Bo', 'FR'), (3, 'Cy', 'DE')");
        try (Statement st = warehouse.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    Mart[] marts() {
        return marts("v1", UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * @param ordersVersion the code version of {@code shop/orders}
     * @param moreShop, moreCore further assets for each mart
     */
    Mart[] marts(String ordersVersion, UnaryOperator<MartBuilder> moreShop, UnaryOperator<MartBuilder> moreCore) {
        Mart shopMart = moreShop.apply(Mart.application(shop)
                .owner("team:shop")
                .producer(raw)
                .source(raw + ".orders")
                .source(raw + ".customers")
                .asset("orders", a -> a
                    .exposed()
                    .codeVersion(ordersVersion)
                    .check(Check.unique("id"))
                    .sql("select id, customer_id, amount, status, ordered_at from {{ source('" + raw + ".orders') }}"))
                .asset("customers", a -> a
                    .exposed()
                    .sql("select id, name, country from {{ source('" + raw + ".customers') }}"))
                .asset("paid_orders", a -> a
                    .view()
                    .sql("select id, amount from {{ ref('orders') }} where status = 'paid'")))
            .build();
        Mart coreMart = moreCore.apply(Mart.integrated(core)
                .owner("team:core")
                .asset("revenue_by_country", a -> a
                    .sql("select c.country, count(*) as orders, sum(o.amount) as revenue"
                        + " from {{ ref('" + shop + "/orders') }} o join {{ ref('" + shop + "/customers') }} c"
                        + " on c.id = o.customer_id group by c.country")))
            .build();
        return new Mart[] {shopMart, coreMart};
    }
}
