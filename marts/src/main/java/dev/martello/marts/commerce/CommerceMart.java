package dev.martello.marts.commerce;

import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Check;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Severity;

import java.time.Duration;

import static dev.martello.dsl.SqlType.BIGINT;
import static dev.martello.dsl.SqlType.DATE;
import static dev.martello.dsl.SqlType.INTEGER;
import static dev.martello.dsl.SqlType.TIMESTAMP;
import static dev.martello.dsl.SqlType.VARCHAR;

/**
 * Orders, payments, refunds and the catalog from the commerce service (application mart of producer
 * {@code raw_commerce}). Amounts stay in minor units of the order's currency; conversion to USD is integration
 * logic and lives in {@code core}.
 *
 * <p>Raw tables assumed (all timestamps UTC; see marts/RAW_SOURCES.md):
 * <pre>
 * raw_commerce.categories  (category_id INTEGER, name VARCHAR, parent_category_id INTEGER null, _loaded_at TIMESTAMP)
 * raw_commerce.products    (product_id BIGINT, seller_id BIGINT, category_id INTEGER, title VARCHAR,
 *                           condition VARCHAR, listed_at TIMESTAMP, _loaded_at TIMESTAMP)
 * raw_commerce.orders      (order_id BIGINT, buyer_id BIGINT, seller_id BIGINT, show_id BIGINT null, status VARCHAR,
 *                           currency VARCHAR, shipping_cents BIGINT null, created_at TIMESTAMP, updated_at TIMESTAMP,
 *                           _loaded_at TIMESTAMP)
 * raw_commerce.order_items (order_item_id BIGINT, order_id BIGINT, product_id BIGINT, quantity INTEGER,
 *                           unit_price_cents BIGINT, _loaded_at TIMESTAMP)
 * raw_commerce.payments    (payment_id BIGINT, order_id BIGINT, amount_cents BIGINT, currency VARCHAR, method VARCHAR,
 *                           status VARCHAR, created_at TIMESTAMP, captured_at TIMESTAMP null, _loaded_at TIMESTAMP)
 * raw_commerce.refunds     (refund_id BIGINT, order_id BIGINT, payment_id BIGINT, amount_cents BIGINT,
 *                           reason VARCHAR, created_at TIMESTAMP, _loaded_at TIMESTAMP)
 * </pre>
 */
public final class CommerceMart implements MartDefinition {

    @Override
    public Mart define() {
        return Mart.application("commerce")
            .owner("team:commerce-data", "commerce-data@example.com")
            .describedAs("Orders, payments, refunds and the product catalog from the commerce service, in the"
                + " order's currency")
            .producer("raw_commerce")
            .source("raw_commerce.categories", s -> s
                .describedAs("The category tree (two levels), replicated from the commerce database")
                .loadedAt("_loaded_at"))
            .source("raw_commerce.products", s -> s
                .describedAs("One row per listed product")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofHours(6)))
            .source("raw_commerce.orders", s -> s
                .describedAs("One row per order, replicated from the commerce database every 15 minutes")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofHours(1)))
            .source("raw_commerce.order_items", s -> s
                .describedAs("One row per order line")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofHours(1)))
            .source("raw_commerce.payments", s -> s
                .describedAs("One row per payment attempt from the payment provider")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofHours(1)))
            .source("raw_commerce.refunds", s -> s
                .describedAs("One row per refund issued")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofHours(6)))
            .asset("categories", a -> a
                .describedAs("The product category tree, each category with its top-level category")
                .exposed()
                .view()
                .column("category_id", INTEGER, c -> c.notNull().unique())
                .column("category_name", VARCHAR, c -> c.notNull())
                .column("parent_category_id", INTEGER)
                .column("top_level_category", VARCHAR, c -> c.notNull())
                .check(Check.rowCount(1L, 10_000L))
                .sql("""
                    select
                        c.category_id,
                        c.name as category_name,
                        c.parent_category_id,
                        coalesce(p.name, c.name) as top_level_category
                    from {{ source('raw_commerce.categories') }} c
                    left join {{ source('raw_commerce.categories') }} p on p.category_id = c.parent_category_id
                    """))
            .asset("products", a -> a
                .describedAs("One row per listed product with its seller and category")
                .exposed()
                .freshWithin(Duration.ofHours(12))
                .column("product_id", BIGINT, c -> c.notNull().unique())
                .column("seller_id", BIGINT, c -> c.notNull())
                .column("category_id", INTEGER, c -> c.notNull())
                .column("title", VARCHAR, c -> c.notNull())
                .column("condition", VARCHAR, c -> c.acceptedValues("new", "like_new", "used", "graded"))
                .column("listed_at", TIMESTAMP, c -> c.notNull())
                .sql("""
                    select product_id, seller_id, category_id, title, condition, listed_at
                    from {{ source('raw_commerce.products') }}
                    """))
            .asset("order_items", a -> a
                .describedAs("One row per order line, with its product's category and line total in the order's"
                    + " currency (minor units)")
                .exposed()
                .tag("tier", "1")
                .freshWithin(Duration.ofHours(2))
                .automation(AutomationPolicy.eager())
                .column("order_item_id", BIGINT, c -> c.notNull().unique())
                .column("order_id", BIGINT, c -> c.notNull())
                .column("product_id", BIGINT, c -> c.notNull())
                .column("category_id", INTEGER, c -> c.describedAs("Null when the product is unknown"))
                .column("quantity", INTEGER, c -> c.notNull())
                .column("unit_price_cents", BIGINT, c -> c.notNull())
                .column("line_total_cents", BIGINT, c -> c.notNull())
                .check(Check.sql("positive_quantity", "select * from {{ this }} where quantity <= 0"))
                .sqlFile("order_items.sql"))
            .asset("order_totals", a -> a
                .describedAs("Per-order item count and subtotal; private helper of commerce/orders")
                .view()
                .column("order_id", BIGINT, c -> c.notNull().unique())
                .column("line_count", BIGINT, c -> c.notNull())
                .column("item_count", BIGINT, c -> c.notNull())
                .column("subtotal_cents", BIGINT, c -> c.notNull())
                .sql("""
                    select
                        order_id,
                        count(*) as line_count,
                        cast(sum(quantity) as bigint) as item_count,
                        cast(sum(line_total_cents) as bigint) as subtotal_cents
                    from {{ ref('order_items') }}
                    group by order_id
                    """))
            .asset("orders", a -> a
                .describedAs("One row per order: buyer, seller, the show it was bought in (if any), status and"
                    + " totals in the order's currency (minor units)")
                .exposed()
                .tag("tier", "1")
                .freshWithin(Duration.ofHours(2), Duration.ofHours(1))
                .automation(AutomationPolicy.eager())
                .retries(2, Duration.ofSeconds(30))
                .column("order_id", BIGINT, c -> c.notNull().unique())
                .column("buyer_id", BIGINT, c -> c.notNull())
                .column("seller_id", BIGINT, c -> c.notNull())
                .column("show_id", BIGINT, c -> c.describedAs("The livestream it was bought in; null for listings"))
                .column("status", VARCHAR, c -> c.notNull()
                    .acceptedValues("placed", "paid", "shipped", "delivered", "cancelled"))
                .column("currency", VARCHAR, c -> c.notNull().acceptedValues("USD", "EUR", "GBP", "CAD"))
                .column("item_count", BIGINT, c -> c.notNull())
                .column("subtotal_cents", BIGINT, c -> c.notNull())
                .column("shipping_cents", BIGINT, c -> c.notNull())
                .column("total_cents", BIGINT, c -> c.notNull())
                .column("created_at", TIMESTAMP, c -> c.notNull())
                .column("order_date", DATE, c -> c.notNull().describedAs("UTC date of created_at"))
                .column("updated_at", TIMESTAMP, c -> c.notNull())
                .check(Check.rowCount(1L, null))
                .check(Check.sql("orders_have_items",
                    "select * from {{ this }} where item_count = 0 and status <> 'cancelled'")
                    .withSeverity(Severity.WARN))
                .sqlFile("orders.sql"))
            .asset("payments", a -> a
                .describedAs("One row per payment attempt, with its method and outcome")
                .exposed()
                .tag("tier", "1")
                .freshWithin(Duration.ofHours(2))
                .automation(AutomationPolicy.eager())
                .column("payment_id", BIGINT, c -> c.notNull().unique())
                .column("order_id", BIGINT, c -> c.notNull())
                .column("amount_cents", BIGINT, c -> c.notNull())
                .column("currency", VARCHAR, c -> c.notNull())
                .column("method", VARCHAR, c -> c.notNull()
                    .acceptedValues("card", "apple_pay", "google_pay", "paypal", "store_credit"))
                .column("status", VARCHAR, c -> c.notNull().acceptedValues("authorized", "captured", "failed"))
                .column("created_at", TIMESTAMP, c -> c.notNull())
                .column("captured_at", TIMESTAMP)
                .check(Check.sql("captured_payments_have_capture_time",
                    "select * from {{ this }} where status = 'captured' and captured_at is null"))
                .sql("""
                    select
                        payment_id,
                        order_id,
                        amount_cents,
                        upper(currency) as currency,
                        method,
                        status,
                        created_at,
                        captured_at
                    from {{ source('raw_commerce.payments') }}
                    """))
            .asset("refunds", a -> a
                .describedAs("One row per refund, with its reason")
                .exposed()
                .freshWithin(Duration.ofHours(6))
                .automation(AutomationPolicy.eager())
                .column("refund_id", BIGINT, c -> c.notNull().unique())
                .column("order_id", BIGINT, c -> c.notNull())
                .column("payment_id", BIGINT, c -> c.notNull())
                .column("amount_cents", BIGINT, c -> c.notNull())
                .column("reason", VARCHAR, c -> c.notNull())
                .column("refunded_at", TIMESTAMP, c -> c.notNull())
                .column("refund_date", DATE, c -> c.notNull())
                .check(Check.sql("positive_refund_amount", "select * from {{ this }} where amount_cents <= 0"))
                // A new reason code in the app should not block refunds reporting; it only warns.
                .check(Check.acceptedValues("reason",
                    "damaged", "not_as_described", "not_received", "cancelled_by_seller", "other")
                    .withSeverity(Severity.WARN))
                .sql("""
                    select
                        refund_id,
                        order_id,
                        payment_id,
                        amount_cents,
                        reason,
                        created_at as refunded_at,
                        cast(created_at as date) as refund_date
                    from {{ source('raw_commerce.refunds') }}
                    """))
            .build();
    }
}
