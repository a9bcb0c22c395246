-- Merchandise GMV: order lines only (shipping is in core/fct_orders.gmv_usd, not here), converted at the
-- order day's FX rate. Lines whose product is unknown are kept under category -1.
select
    o.order_date as gmv_date,
    coalesce(i.category_id, -1) as category_id,
    coalesce(c.category_name, 'Unknown') as category_name,
    coalesce(c.top_level_category, 'Unknown') as top_level_category,
    count(distinct o.order_id) as orders,
    cast(sum(i.quantity) as bigint) as items_sold,
    count(distinct o.buyer_id) as buyers,
    cast(sum(i.line_total_cents * case when o.currency = 'USD' then 1 else fx.usd_per_unit end) / 100
        as decimal(18, 2)) as gmv_usd
from {{ ref('commerce/order_items') }} i
join {{ ref('core/fct_orders') }} o on o.order_id = i.order_id
left join {{ ref('commerce/categories') }} c on c.category_id = i.category_id
left join {{ source('raw_finance.fx_rates') }} fx on fx.currency = o.currency and fx.rate_date = o.order_date
group by o.order_date, coalesce(i.category_id, -1), coalesce(c.category_name, 'Unknown'),
    coalesce(c.top_level_category, 'Unknown')
