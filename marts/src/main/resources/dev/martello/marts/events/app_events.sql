-- Delivery is at least once: keep the first copy of each event_id loaded, so re-delivered events never count
-- twice. Only events the tracking plan declares are exposed (the inner join); the rest are counted in
-- events/undeclared_events_daily.
with delivered as (
    select
        e.*,
        row_number() over (partition by e.event_id order by e._loaded_at) as copy_number
    from {{ source('raw_events.app_events') }} e
    where e.event_ts >= {{ partition_start }}
      and e.event_ts < {{ partition_end }}
)
select
    d.event_id,
    p.event_name,
    d.actor_type,
    d.actor_id,
    d.action,
    d.object_type,
    d.object_id,
    d.platform,
    d.app_version,
    d.event_ts,
    cast(d.event_ts as date) as event_date,
    d.properties
from delivered d
join {{ ref('tracking_plan') }} p
  on p.actor_type = d.actor_type and p.action = d.action and p.object_type = d.object_type
where d.copy_number = 1
