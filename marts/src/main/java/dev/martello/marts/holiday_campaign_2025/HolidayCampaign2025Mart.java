package dev.martello.marts.holiday_campaign_2025;

import dev.martello.dsl.Check;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;

import java.time.Duration;

import static dev.martello.dsl.SqlType.BIGINT;
import static dev.martello.dsl.SqlType.DATE;
import static dev.martello.dsl.SqlType.DECIMAL;
import static dev.martello.dsl.SqlType.INTEGER;
import static dev.martello.dsl.SqlType.VARCHAR;

/**
 * The 2025 holiday campaign review (Black Friday to Epiphany): daily KPIs, GMV uplift per category against a
 * pre-season baseline, and the top livestreams of Black Friday week. A project mart: built at short notice, loose
 * SLAs, and nothing outside it may depend on it.
 */
public final class HolidayCampaign2025Mart implements MartDefinition {

    @Override
    public Mart define() {
        return Mart.project("holiday_campaign_2025")
            .owner("maria.rossi@example.com", "team:marketing-analytics")
            .describedAs("Holiday campaign 2025 review for marketing: daily KPIs, category GMV uplift and the top"
                + " shows of Black Friday week")
            .asset("campaign_daily_kpis", a -> a
                .describedAs("One row per day from 1 Nov 2025 to 6 Jan 2026: orders, live orders, GMV in USD,"
                    + " daily active users and new buyers")
                .tag("expires", "2026-03-31")
                .freshWithin(Duration.ofDays(2))
                .column("kpi_date", DATE, c -> c.notNull().unique())
                .column("orders", BIGINT, c -> c.notNull())
                .column("live_orders", BIGINT, c -> c.notNull())
                .column("gmv_usd", DECIMAL, c -> c.notNull())
                .column("active_users", BIGINT)
                .column("new_buyers", BIGINT)
                .sqlFile("campaign_daily_kpis.sql"))
            .asset("campaign_category_uplift", a -> a
                .describedAs("GMV per campaign window and category with its average daily GMV against the"
                    + " pre-season baseline (6 Oct to 2 Nov 2025); computed in Java from the campaign windows")
                .tag("expires", "2026-03-31")
                .dependsOn("core/gmv_daily_by_category")
                .codeVersion(CategoryUplift.version())
                .freshWithin(Duration.ofDays(2))
                .column("campaign_window", VARCHAR, c -> c.notNull().acceptedValues(
                    "pre_season", "black_friday_week", "cyber_monday", "gift_season", "post_holiday"))
                .column("window_start", DATE, c -> c.notNull())
                .column("window_end", DATE, c -> c.notNull().describedAs("Exclusive"))
                .column("days", INTEGER, c -> c.notNull())
                .column("category_id", INTEGER, c -> c.notNull())
                .column("category_name", VARCHAR, c -> c.notNull())
                .column("gmv_usd", DECIMAL, c -> c.notNull())
                .column("avg_daily_gmv_usd", DECIMAL, c -> c.notNull())
                .column("baseline_avg_daily_gmv_usd", DECIMAL, c -> c.notNull())
                .column("uplift_ratio", DECIMAL, c -> c.describedAs("Window / baseline average daily GMV; null"
                    + " without baseline sales"))
                .check(Check.unique("campaign_window", "category_id"))
                .compute(CategoryUplift::write))
            .asset("holiday_show_leaderboard", a -> a
                .describedAs("The 50 livestreams with the most GMV from Black Friday week to Cyber Monday"
                    + " (24 Nov to 1 Dec 2025), with their seller")
                .tag("expires", "2026-03-31")
                .view()
                .column("gmv_rank", BIGINT, c -> c.notNull())
                .column("show_id", BIGINT, c -> c.notNull().unique())
                .column("show_date", DATE, c -> c.notNull())
                .column("seller_id", BIGINT, c -> c.notNull())
                .column("store_name", VARCHAR, c -> c.notNull())
                .column("unique_viewers", BIGINT, c -> c.notNull())
                .column("orders", BIGINT, c -> c.notNull())
                .column("gmv_usd", DECIMAL, c -> c.notNull())
                .check(Check.rowCount(null, 100L))
                .sql("""
                    select gmv_rank, show_id, show_date, seller_id, store_name, unique_viewers, orders, gmv_usd
                    from (
                        select
                            rank() over (order by p.gmv_usd desc) as gmv_rank,
                            p.show_id,
                            p.show_date,
                            p.seller_id,
                            s.store_name,
                            p.unique_viewers,
                            p.orders,
                            p.gmv_usd
                        from {{ ref('core/show_performance') }} p
                        join {{ ref('core/dim_sellers') }} s on s.seller_id = p.seller_id
                        where p.show_date >= date '2025-11-24' and p.show_date < date '2025-12-02'
                          and p.gmv_usd > 0
                    ) ranked
                    where gmv_rank <= 50
                    """))
            .build();
    }
}
