with audience as (
    select
        show_id,
        count(distinct user_id) as unique_viewers,
        count(*) as viewer_sessions,
        cast(floor(coalesce(sum(watch_seconds), 0) / 60) as bigint) as watch_minutes
    from {{ ref('show_viewers') }}
    group by show_id
),
auction as (
    select
        show_id,
        count(*) as bids,
        count(distinct bidder_id) as unique_bidders,
        count(distinct lot_id) as lots_auctioned,
        cast(coalesce(sum(case when is_winning then amount_cents end), 0) as bigint) as winning_bid_cents
    from {{ ref('bids') }}
    group by show_id
)
select
    s.show_id,
    s.seller_id,
    s.category_id,
    s.show_date,
    s.status,
    s.duration_minutes,
    coalesce(v.unique_viewers, 0) as unique_viewers,
    coalesce(v.viewer_sessions, 0) as viewer_sessions,
    coalesce(v.watch_minutes, 0) as watch_minutes,
    coalesce(b.bids, 0) as bids,
    coalesce(b.unique_bidders, 0) as unique_bidders,
    coalesce(b.lots_auctioned, 0) as lots_auctioned,
    coalesce(b.winning_bid_cents, 0) as winning_bid_cents
from {{ ref('shows') }} s
left join audience v on v.show_id = s.show_id
left join auction b on b.show_id = s.show_id
