-- Days without orders are left out; the campaign had orders every day.
with sales as (
    select
        order_date as kpi_date,
        count(*) as orders,
        count(case when is_live_order then 1 end) as live_orders,
        sum(gmv_usd) as gmv_usd
    from {{ ref('core/fct_orders') }}
    where order_date >= date '2025-11-01' and order_date < date '2026-01-07'
    group by order_date
)
select
    s.kpi_date,
    s.orders,
    s.live_orders,
    cast(s.gmv_usd as decimal(18, 2)) as gmv_usd,
    d.active_users,
    n.new_buyers
from sales s
left join {{ ref('core/daily_active_users') }} d on d.activity_date = s.kpi_date
left join {{ ref('growth/new_buyers_daily') }} n on n.order_date = s.kpi_date
