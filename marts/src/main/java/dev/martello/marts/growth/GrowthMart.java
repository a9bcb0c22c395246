package dev.martello.marts.growth;

import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Check;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Severity;

import java.time.Duration;

import static dev.martello.dsl.SqlType.BIGINT;
import static dev.martello.dsl.SqlType.DATE;
import static dev.martello.dsl.SqlType.DECIMAL;
import static dev.martello.dsl.SqlType.INTEGER;

/** Retention and activation: how sign-up cohorts come back week by week and how new users become buyers. */
public final class GrowthMart implements MartDefinition {

    @Override
    public Mart define() {
        return Mart.integrated("growth")
            .owner("team:growth")
            .describedAs("Retention cohorts, the buyer activation funnel and new versus returning buyers, from core"
                + " users and orders and the app events")
            .asset("user_weekly_activity", a -> a
                .describedAs("One row per user and ISO week in which the user sent any declared event; private"
                    + " building block of the retention cohorts")
                .view()
                .column("user_id", BIGINT, c -> c.notNull())
                .column("activity_week", DATE, c -> c.notNull().describedAs("Monday of the ISO week"))
                .column("events", BIGINT, c -> c.notNull())
                .column("active_days", BIGINT, c -> c.notNull())
                .check(Check.unique("user_id", "activity_week"))
                .sql("""
                    select
                        actor_id as user_id,
                        cast(date_trunc('week', event_ts) as date) as activity_week,
                        count(*) as events,
                        count(distinct event_date) as active_days
                    from {{ ref('events/app_events') }}
                    where actor_type = 'user' and actor_id is not null
                    group by actor_id, cast(date_trunc('week', event_ts) as date)
                    """))
            .asset("weekly_retention_cohorts", a -> a
                .describedAs("Weekly sign-up cohorts and the share of each cohort active 0 to 12 weeks after"
                    + " signing up")
                .exposed()
                .tag("kpi")
                .freshBy("0 9 * * 1", "Europe/Berlin")
                .automation(AutomationPolicy.onCron("0 5 * * 1", "Europe/Berlin"))
                .column("cohort_week", DATE, c -> c.notNull().describedAs("Monday of the sign-up week"))
                .column("weeks_since_signup", INTEGER, c -> c.notNull())
                .column("cohort_size", BIGINT, c -> c.notNull())
                .column("retained_users", BIGINT, c -> c.notNull())
                .column("retention_rate", DECIMAL, c -> c.notNull().describedAs("retained_users / cohort_size"))
                .check(Check.unique("cohort_week", "weeks_since_signup"))
                .check(Check.sql("retention_within_cohort", """
                    select * from {{ this }}
                    where retained_users > cohort_size or retention_rate < 0 or retention_rate > 1
                    """))
                .sqlFile("weekly_retention_cohorts.sql"))
            .asset("buyer_activation_funnel", a -> a
                .describedAs("Per sign-up week: how many new users joined a show, placed a bid and placed an order"
                    + " (ever, and within 7 days of signing up)")
                .exposed()
                .tag("kpi")
                .freshWithin(Duration.ofDays(1))
                .automation(AutomationPolicy.onCron("0 5 * * *", "Europe/Berlin"))
                .column("signup_week", DATE, c -> c.notNull().unique())
                .column("signed_up", BIGINT, c -> c.notNull())
                .column("joined_show", BIGINT, c -> c.notNull())
                .column("placed_bid", BIGINT, c -> c.notNull())
                .column("placed_order", BIGINT, c -> c.notNull())
                .column("ordered_within_7_days", BIGINT, c -> c.notNull())
                // Events can lag or miss a step (e.g. buying from a listing without joining a show): warn only.
                .check(Check.sql("funnel_narrows", """
                    select * from {{ this }}
                    where joined_show > signed_up or placed_bid > joined_show or ordered_within_7_days > placed_order
                    """).withSeverity(Severity.WARN))
                .sqlFile("buyer_activation_funnel.sql"))
            .asset("new_buyers_daily", a -> a
                .describedAs("Buyers per day, split into first-time and returning buyers")
                .exposed()
                .freshBy("0 7 * * *", "Europe/Berlin")
                .automation(AutomationPolicy.eager())
                .column("order_date", DATE, c -> c.notNull().unique())
                .column("buyers", BIGINT, c -> c.notNull())
                .column("new_buyers", BIGINT, c -> c.notNull())
                .column("returning_buyers", BIGINT, c -> c.notNull())
                .check(Check.sql("split_adds_up",
                    "select * from {{ this }} where new_buyers + returning_buyers < buyers"))
                .sql("""
                    select
                        order_date,
                        count(distinct buyer_id) as buyers,
                        count(distinct case when is_first_order then buyer_id end) as new_buyers,
                        count(distinct case when not is_first_order then buyer_id end) as returning_buyers
                    from {{ ref('core/fct_orders') }}
                    group by order_date
                    """))
            .build();
    }
}
