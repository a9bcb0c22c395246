with purchases as (
    select
        buyer_id,
        min(created_at) as first_order_at,
        count(*) as lifetime_orders,
        cast(sum(net_gmv_usd) as decimal(18, 2)) as lifetime_gmv_usd
    from {{ ref('core/fct_orders') }}
    group by buyer_id
)
select
    u.user_id,
    u.username,
    u.country_code,
    u.signup_platform,
    u.referral_source,
    u.signed_up_at,
    u.signup_date,
    cast(date_trunc('week', u.signed_up_at) as date) as signup_week,
    p.first_order_at,
    coalesce(p.lifetime_orders, 0) as lifetime_orders,
    coalesce(p.lifetime_gmv_usd, cast(0 as decimal(18, 2))) as lifetime_gmv_usd,
    exists (
        select 1 from {{ ref('accounts/sellers') }} s where s.user_id = u.user_id and s.status = 'active'
    ) as is_active_seller
from {{ ref('accounts/users') }} u
left join purchases p on p.buyer_id = u.user_id
