package dev.martello.marts.core;

import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Check;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Severity;

import java.time.Duration;

import static dev.martello.dsl.SqlType.BIGINT;
import static dev.martello.dsl.SqlType.BOOLEAN;
import static dev.martello.dsl.SqlType.DATE;
import static dev.martello.dsl.SqlType.DECIMAL;
import static dev.martello.dsl.SqlType.INTEGER;
import static dev.martello.dsl.SqlType.TIMESTAMP;
import static dev.martello.dsl.SqlType.VARCHAR;

/**
 * The integrated core of the marketplace: users, sellers, orders in USD, GMV, daily actives and seller and show
 * performance, built from the exposed assets of the application marts. It reads one source directly, the finance
 * FX feed {@code raw_finance.fx_rates (currency VARCHAR, rate_date DATE, usd_per_unit DECIMAL(18,8),
 * _loaded_at TIMESTAMP)}, which no application mart owns.
 */
public final class CoreMart implements MartDefinition {

    @Override
    public Mart define() {
        return Mart.integrated("core")
            .owner("team:core-data", "core-data@example.com")
            .describedAs("Integrated marketplace dimensions and facts: users, sellers, orders in USD, GMV, daily"
                + " active users, seller and show performance")
            .source("raw_finance.fx_rates", s -> s
                .describedAs("Daily FX rates to USD from the finance feed, one row per currency and day")
                .loadedAt("_loaded_at")
                .freshBy("0 5 * * *", "UTC"))
            .asset("fct_orders", a -> a
                .describedAs("One row per non-cancelled order with GMV, refunds and net GMV in USD, whether it was"
                    + " bought in a livestream, and whether it was the buyer's first order")
                .exposed()
                .tag("tier", "1")
                .freshWithin(Duration.ofHours(3), Duration.ofHours(2))
                .automation(AutomationPolicy.eager())
                .column("order_id", BIGINT, c -> c.notNull().unique())
                .column("buyer_id", BIGINT, c -> c.notNull())
                .column("seller_id", BIGINT, c -> c.notNull())
                .column("show_id", BIGINT)
                .column("is_live_order", BOOLEAN, c -> c.notNull().describedAs("Bought in a livestream"))
                .column("status", VARCHAR, c -> c.notNull())
                .column("currency", VARCHAR, c -> c.notNull())
                .column("created_at", TIMESTAMP, c -> c.notNull())
                .column("order_date", DATE, c -> c.notNull())
                .column("paid_at", TIMESTAMP, c -> c.describedAs("Capture time of the last captured payment"))
                .column("item_count", BIGINT, c -> c.notNull())
                .column("gmv_usd", DECIMAL, c -> c.notNull().describedAs("Order total incl. shipping, in USD"))
                .column("refunded_usd", DECIMAL, c -> c.notNull())
                .column("net_gmv_usd", DECIMAL, c -> c.notNull())
                .column("is_first_order", BOOLEAN, c -> c.notNull())
                .check(Check.rowCount(1L, null))
                .check(Check.sql("refunds_not_above_gmv",
                    "select * from {{ this }} where refunded_usd > gmv_usd").withSeverity(Severity.WARN))
                .sqlFile("fct_orders.sql"))
            .asset("dim_users", a -> a
                .describedAs("One row per user with sign-up attributes, first order and lifetime orders and GMV")
                .exposed()
                .tag("tier", "1")
                .tag("pii")
                .freshBy("0 6 * * *", "Europe/Berlin")
                .automation(AutomationPolicy.onCron("0 4 * * *", "Europe/Berlin"))
                .column("user_id", BIGINT, c -> c.notNull().unique())
                .column("username", VARCHAR, c -> c.notNull())
                .column("country_code", VARCHAR, c -> c.notNull())
                .column("signup_platform", VARCHAR, c -> c.notNull())
                .column("referral_source", VARCHAR, c -> c.notNull())
                .column("signed_up_at", TIMESTAMP, c -> c.notNull())
                .column("signup_date", DATE, c -> c.notNull())
                .column("signup_week", DATE, c -> c.notNull().describedAs("Monday of the sign-up week (ISO)"))
                .column("first_order_at", TIMESTAMP)
                .column("lifetime_orders", BIGINT, c -> c.notNull())
                .column("lifetime_gmv_usd", DECIMAL, c -> c.notNull())
                .column("is_active_seller", BOOLEAN, c -> c.notNull())
                .check(Check.rowCount(1L, null))
                .sqlFile("dim_users.sql"))
            .asset("dim_sellers", a -> a
                .describedAs("One row per seller account with its first and last show and number of shows hosted")
                .exposed()
                .tag("tier", "2")
                .freshBy("0 6 * * *", "Europe/Berlin")
                .automation(AutomationPolicy.onCron("0 4 * * *", "Europe/Berlin"))
                .column("seller_id", BIGINT, c -> c.notNull().unique())
                .column("user_id", BIGINT, c -> c.notNull())
                .column("store_name", VARCHAR, c -> c.notNull())
                .column("status", VARCHAR, c -> c.notNull())
                .column("country_code", VARCHAR, c -> c.notNull())
                .column("approved_at", TIMESTAMP)
                .column("first_show_at", TIMESTAMP)
                .column("last_show_at", TIMESTAMP)
                .column("shows_hosted", BIGINT, c -> c.notNull())
                .sql("""
                    with hosted as (
                        select
                            seller_id,
                            min(started_at) as first_show_at,
                            max(started_at) as last_show_at,
                            count(*) as shows_hosted
                        from {{ ref('live/shows') }}
                        where started_at is not null
                        group by seller_id
                    )
                    select
                        s.seller_id,
                        s.user_id,
                        s.store_name,
                        s.status,
                        s.country_code,
                        s.approved_at,
                        h.first_show_at,
                        h.last_show_at,
                        coalesce(h.shows_hosted, 0) as shows_hosted
                    from {{ ref('accounts/sellers') }} s
                    left join hosted h on h.seller_id = s.seller_id
                    """))
            .asset("gmv_daily_by_category", a -> a
                .describedAs("Merchandise GMV in USD (excl. shipping), orders, items and buyers per day and product"
                    + " category; the board's daily GMV figure")
                .exposed()
                .tag("tier", "1")
                .tag("kpi")
                .freshBy("0 7 * * *", "Europe/Berlin")
                .automation(AutomationPolicy.onCron("0 6 * * *", "Europe/Berlin"))
                .column("gmv_date", DATE, c -> c.notNull())
                .column("category_id", INTEGER, c -> c.notNull().describedAs("-1 when the product is unknown"))
                .column("category_name", VARCHAR, c -> c.notNull())
                .column("top_level_category", VARCHAR, c -> c.notNull())
                .column("orders", BIGINT, c -> c.notNull())
                .column("items_sold", BIGINT, c -> c.notNull())
                .column("buyers", BIGINT, c -> c.notNull())
                .column("gmv_usd", DECIMAL, c -> c.notNull())
                .check(Check.unique("gmv_date", "category_id"))
                .check(Check.rowCount(1L, null))
                .check(Check.sql("no_negative_gmv", "select * from {{ this }} where gmv_usd < 0"))
                .sqlFile("gmv_daily_by_category.sql"))
            .asset("daily_active_users", a -> a
                .describedAs("Daily active users (any declared event as a user), split by platform, with how many"
                    + " of them bid and ordered that day")
                .exposed()
                .tag("tier", "1")
                .tag("kpi")
                .partitionedDaily("2024-01-01", "UTC")
                .incremental("activity_date")
                .freshBy("0 7 * * *", "Europe/Berlin")
                .automation(AutomationPolicy.eager())
                .column("activity_date", DATE, c -> c.notNull().unique())
                .column("active_users", BIGINT, c -> c.notNull())
                .column("ios_users", BIGINT, c -> c.notNull())
                .column("android_users", BIGINT, c -> c.notNull())
                .column("web_users", BIGINT, c -> c.notNull())
                .column("bidding_users", BIGINT, c -> c.notNull())
                .column("ordering_users", BIGINT, c -> c.notNull())
                .check(Check.sql("platform_users_not_above_total", """
                    select * from {{ this }}
                    where ios_users > active_users or android_users > active_users or web_users > active_users
                    """))
                .sql("""
                    select
                        event_date as activity_date,
                        count(distinct actor_id) as active_users,
                        count(distinct case when platform = 'ios' then actor_id end) as ios_users,
                        count(distinct case when platform = 'android' then actor_id end) as android_users,
                        count(distinct case when platform = 'web' then actor_id end) as web_users,
                        count(distinct case when action = 'placed' and object_type = 'bid' then actor_id end)
                            as bidding_users,
                        count(distinct case when action = 'placed' and object_type = 'order' then actor_id end)
                            as ordering_users
                    from {{ ref('events/app_events') }}
                    where actor_type = 'user'
                      and event_ts >= {{ partition_start }} and event_ts < {{ partition_end }}
                    group by event_date
                    """))
            .asset("seller_performance", a -> a
                .describedAs("One row per seller: shows, live minutes, audience, orders, GMV, average order value"
                    + " and refund rate over all time; the seller success team's scorecard")
                .owner("team:seller-success", "ana.lima@example.com")
                .exposed()
                .tag("tier", "2")
                .freshBy("0 8 * * *", "Europe/Berlin")
                .automation(AutomationPolicy.eager())
                .column("seller_id", BIGINT, c -> c.notNull().unique())
                .column("store_name", VARCHAR, c -> c.notNull())
                .column("status", VARCHAR, c -> c.notNull())
                .column("shows_hosted", BIGINT, c -> c.notNull())
                .column("live_minutes", BIGINT, c -> c.notNull())
                .column("total_viewers", BIGINT, c -> c.notNull().describedAs("Sum of unique viewers per show"))
                .column("orders", BIGINT, c -> c.notNull())
                .column("buyers", BIGINT, c -> c.notNull())
                .column("gmv_usd", DECIMAL, c -> c.notNull())
                .column("avg_order_value_usd", DECIMAL)
                .column("refund_rate", DECIMAL, c -> c.describedAs("Refunded USD / GMV USD; null without sales"))
                .check(Check.sql("refund_rate_in_range",
                    "select * from {{ this }} where refund_rate < 0 or refund_rate > 1").withSeverity(Severity.WARN))
                .sqlFile("seller_performance.sql"))
            .asset("show_performance", a -> a
                .describedAs("One row per ended show: audience, bidders, orders and GMV in USD, and the share of"
                    + " viewers who bought")
                .exposed()
                .view()
                .column("show_id", BIGINT, c -> c.notNull().unique())
                .column("seller_id", BIGINT, c -> c.notNull())
                .column("category_id", INTEGER, c -> c.notNull())
                .column("show_date", DATE, c -> c.notNull())
                .column("duration_minutes", BIGINT)
                .column("unique_viewers", BIGINT, c -> c.notNull())
                .column("unique_bidders", BIGINT, c -> c.notNull())
                .column("orders", BIGINT, c -> c.notNull())
                .column("buyers", BIGINT, c -> c.notNull())
                .column("gmv_usd", DECIMAL, c -> c.notNull())
                .column("viewer_conversion_rate", DECIMAL, c -> c.describedAs("Buyers / unique viewers"))
                .sqlFile("show_performance.sql"))
            .build();
    }
}
