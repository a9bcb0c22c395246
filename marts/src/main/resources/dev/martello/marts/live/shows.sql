select
    show_id,
    seller_id,
    category_id,
    title,
    status,
    scheduled_start_at,
    started_at,
    ended_at,
    cast(coalesce(started_at, scheduled_start_at) as date) as show_date,
    case when started_at is not null and ended_at is not null
         then cast(floor(extract(epoch from (ended_at - started_at)) / 60) as bigint)
    end as duration_minutes
from {{ source('raw_live.shows') }}
