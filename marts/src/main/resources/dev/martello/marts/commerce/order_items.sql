-- Left join: a line whose product is missing from the catalog still counts towards the order total.
select
    i.order_item_id,
    i.order_id,
    i.product_id,
    p.category_id,
    i.quantity,
    i.unit_price_cents,
    cast(i.quantity * i.unit_price_cents as bigint) as line_total_cents
from {{ source('raw_commerce.order_items') }} i
left join {{ source('raw_commerce.products') }} p on p.product_id = i.product_id
