select
    o.order_id,
    o.buyer_id,
    o.seller_id,
    o.show_id,
    o.status,
    upper(o.currency) as currency,
    coalesce(t.item_count, 0) as item_count,
    coalesce(t.subtotal_cents, 0) as subtotal_cents,
    coalesce(o.shipping_cents, 0) as shipping_cents,
    coalesce(t.subtotal_cents, 0) + coalesce(o.shipping_cents, 0) as total_cents,
    o.created_at,
    cast(o.created_at as date) as order_date,
    o.updated_at
from {{ source('raw_commerce.orders') }} o
left join {{ ref('order_totals') }} t on t.order_id = o.order_id
