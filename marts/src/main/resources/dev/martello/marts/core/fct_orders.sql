-- USD conversion uses the FX rate of the order's UTC day; USD orders need no rate.
with refunded as (
    select order_id, cast(sum(amount_cents) as bigint) as refunded_cents
    from {{ ref('commerce/refunds') }}
    group by order_id
),
captured as (
    select order_id, max(captured_at) as paid_at
    from {{ ref('commerce/payments') }}
    where status = 'captured'
    group by order_id
),
converted as (
    select
        o.*,
        case when o.currency = 'USD' then cast(1 as decimal(18, 8)) else fx.usd_per_unit end as usd_per_unit
    from {{ ref('commerce/orders') }} o
    left join {{ source('raw_finance.fx_rates') }} fx
      on fx.currency = o.currency and fx.rate_date = o.order_date
    where o.status <> 'cancelled'
)
select
    o.order_id,
    o.buyer_id,
    o.seller_id,
    o.show_id,
    o.show_id is not null as is_live_order,
    o.status,
    o.currency,
    o.created_at,
    o.order_date,
    c.paid_at,
    o.item_count,
    cast(o.total_cents * o.usd_per_unit / 100 as decimal(18, 2)) as gmv_usd,
    cast(coalesce(r.refunded_cents, 0) * o.usd_per_unit / 100 as decimal(18, 2)) as refunded_usd,
    cast((o.total_cents - coalesce(r.refunded_cents, 0)) * o.usd_per_unit / 100 as decimal(18, 2)) as net_gmv_usd,
    row_number() over (partition by o.buyer_id order by o.created_at, o.order_id) = 1 as is_first_order
from converted o
left join refunded r on r.order_id = o.order_id
left join captured c on c.order_id = o.order_id
