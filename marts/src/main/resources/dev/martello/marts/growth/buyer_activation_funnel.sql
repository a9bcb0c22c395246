-- Each user's first time at each funnel step, from the app events; the order step comes from core orders, the
-- system of record for purchases.
with steps as (
    select
        actor_id as user_id,
        min(case when action = 'joined' and object_type = 'show' then event_ts end) as first_show_joined_at,
        min(case when action = 'placed' and object_type = 'bid' then event_ts end) as first_bid_at
    from {{ ref('events/app_events') }}
    where actor_type = 'user'
    group by actor_id
)
select
    u.signup_week,
    count(*) as signed_up,
    count(st.first_show_joined_at) as joined_show,
    count(st.first_bid_at) as placed_bid,
    count(u.first_order_at) as placed_order,
    count(case when u.first_order_at < u.signed_up_at + interval '7' day then 1 end) as ordered_within_7_days
from {{ ref('core/dim_users') }} u
left join steps st on st.user_id = u.user_id
group by u.signup_week
