with live as (
    select
        seller_id,
        cast(coalesce(sum(duration_minutes), 0) as bigint) as live_minutes,
        cast(coalesce(sum(unique_viewers), 0) as bigint) as total_viewers
    from {{ ref('live/show_stats') }}
    where status = 'ended'
    group by seller_id
),
sales as (
    select
        seller_id,
        count(*) as orders,
        count(distinct buyer_id) as buyers,
        sum(gmv_usd) as gmv_usd,
        sum(refunded_usd) as refunded_usd
    from {{ ref('core/fct_orders') }}
    group by seller_id
)
select
    d.seller_id,
    d.store_name,
    d.status,
    d.shows_hosted,
    coalesce(l.live_minutes, 0) as live_minutes,
    coalesce(l.total_viewers, 0) as total_viewers,
    coalesce(s.orders, 0) as orders,
    coalesce(s.buyers, 0) as buyers,
    cast(coalesce(s.gmv_usd, 0) as decimal(18, 2)) as gmv_usd,
    case when s.orders > 0 then cast(s.gmv_usd / s.orders as decimal(18, 2)) end as avg_order_value_usd,
    case when s.gmv_usd > 0 then cast(s.refunded_usd / s.gmv_usd as decimal(9, 4)) end as refund_rate
from {{ ref('core/dim_sellers') }} d
left join live l on l.seller_id = d.seller_id
left join sales s on s.seller_id = d.seller_id
