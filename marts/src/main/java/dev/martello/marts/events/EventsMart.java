package dev.martello.marts.events;

import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Check;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Severity;

import java.time.Duration;

import static dev.martello.dsl.SqlType.BIGINT;
import static dev.martello.dsl.SqlType.DATE;
import static dev.martello.dsl.SqlType.TIMESTAMP;
import static dev.martello.dsl.SqlType.VARCHAR;

/**
 * App analytics events, declared Actor–Action–Object in a tracking plan and exposed day by day (application mart
 * of producer {@code raw_events}, the event pipeline).
 *
 * <p>Raw table assumed (all timestamps UTC; see marts/RAW_SOURCES.md):
 * <pre>
 * raw_events.app_events (event_id VARCHAR, actor_type VARCHAR, actor_id BIGINT null, action VARCHAR,
 *                        object_type VARCHAR, object_id BIGINT null, platform VARCHAR, app_version VARCHAR null,
 *                        event_ts TIMESTAMP, properties VARCHAR null (JSON text), _loaded_at TIMESTAMP)
 * </pre>
 */
public final class EventsMart implements MartDefinition {
    private static final String START = "2024-01-01";
    private static final String ZONE = "UTC";

    @Override
    public Mart define() {
        return Mart.application("events")
            .owner("team:analytics-platform", "analytics-platform@example.com")
            .describedAs("App analytics events (Actor–Action–Object) checked against the tracking plan,"
                + " deduplicated and partitioned by day")
            .producer("raw_events")
            .source("raw_events.app_events", s -> s
                .describedAs("Every analytics event as delivered by the event pipeline (at least once; duplicates"
                    + " possible)")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofMinutes(15)))
            .asset("tracking_plan", a -> a
                .describedAs("The tracking plan: one row per declared event (actor, action, object), its owning team"
                    + " and the types of its properties")
                .exposed()
                .tag("contract")
                .codeVersion(TrackingPlan.version())
                .automation(AutomationPolicy.onMissing())
                .column("event_name", VARCHAR, c -> c.notNull().unique().describedAs("actor_action_object"))
                .column("actor_type", VARCHAR, c -> c.notNull().acceptedValues("user", "seller", "system"))
                .column("action", VARCHAR, c -> c.notNull())
                .column("object_type", VARCHAR, c -> c.notNull())
                .column("owning_team", VARCHAR, c -> c.notNull())
                .column("description", VARCHAR, c -> c.notNull())
                .column("properties_schema", VARCHAR, c -> c.notNull().describedAs("JSON: property name to SQL type"))
                .check(Check.unique("actor_type", "action", "object_type"))
                .compute(TrackingPlan::write))
            .asset("app_events", a -> a
                .describedAs("One row per declared analytics event, deduplicated by event_id; events outside the"
                    + " tracking plan are left out")
                .exposed()
                .tag("tier", "1")
                .partitionedDaily(START, ZONE)
                .incremental("event_date")
                .freshBy("0 2 * * *", ZONE)
                .automation(AutomationPolicy.onCron("30 0 * * *", ZONE))
                .retries(3, Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(30))
                .column("event_id", VARCHAR, c -> c.notNull().unique())
                .column("event_name", VARCHAR, c -> c.notNull())
                .column("actor_type", VARCHAR, c -> c.notNull().acceptedValues("user", "seller", "system"))
                .column("actor_id", BIGINT, c -> c.describedAs("Null for system actors"))
                .column("action", VARCHAR, c -> c.notNull())
                .column("object_type", VARCHAR, c -> c.notNull())
                .column("object_id", BIGINT)
                .column("platform", VARCHAR, c -> c.notNull().acceptedValues("ios", "android", "web", "server"))
                .column("app_version", VARCHAR)
                .column("event_ts", TIMESTAMP, c -> c.notNull().describedAs("When it happened, UTC"))
                .column("event_date", DATE, c -> c.notNull().describedAs("UTC day of event_ts; the partition"))
                .column("properties", VARCHAR, c -> c.describedAs("JSON object typed by the tracking plan"))
                .check(Check.sql("users_have_actor_id",
                    "select * from {{ this }} where actor_type in ('user', 'seller') and actor_id is null"))
                .sqlFile("app_events.sql"))
            .asset("daily_action_counts", a -> a
                .describedAs("Events and distinct actors per day and declared event (actor, action, object)")
                .exposed()
                .partitionedDaily(START, ZONE)
                .incremental("event_date")
                .freshBy("0 3 * * *", ZONE)
                .automation(AutomationPolicy.eager())
                .column("event_date", DATE, c -> c.notNull())
                .column("actor_type", VARCHAR, c -> c.notNull())
                .column("action", VARCHAR, c -> c.notNull())
                .column("object_type", VARCHAR, c -> c.notNull())
                .column("event_count", BIGINT, c -> c.notNull())
                .column("distinct_actors", BIGINT, c -> c.notNull())
                .check(Check.unique("event_date", "actor_type", "action", "object_type"))
                .sql("""
                    select
                        event_date,
                        actor_type,
                        action,
                        object_type,
                        count(*) as event_count,
                        count(distinct actor_id) as distinct_actors
                    from {{ ref('app_events') }}
                    where event_ts >= {{ partition_start }} and event_ts < {{ partition_end }}
                    group by event_date, actor_type, action, object_type
                    """))
            .asset("undeclared_events_daily", a -> a
                .describedAs("Events per day that the tracking plan does not declare; any row here is a producer"
                    + " bug to fix or an event to declare")
                .partitionedDaily(START, ZONE)
                .incremental("event_date")
                .automation(AutomationPolicy.eager())
                .column("event_date", DATE, c -> c.notNull())
                .column("actor_type", VARCHAR)
                .column("action", VARCHAR)
                .column("object_type", VARCHAR)
                .column("event_count", BIGINT, c -> c.notNull())
                .check(Check.sql("no_undeclared_events", "select * from {{ this }}").withSeverity(Severity.WARN))
                .sql("""
                    select
                        cast(e.event_ts as date) as event_date,
                        e.actor_type,
                        e.action,
                        e.object_type,
                        count(*) as event_count
                    from {{ source('raw_events.app_events') }} e
                    left join {{ ref('tracking_plan') }} p
                      on p.actor_type = e.actor_type and p.action = e.action and p.object_type = e.object_type
                    where e.event_ts >= {{ partition_start }} and e.event_ts < {{ partition_end }}
                      and p.event_name is null
                    group by cast(e.event_ts as date), e.actor_type, e.action, e.object_type
                    """))
            .build();
    }
}
