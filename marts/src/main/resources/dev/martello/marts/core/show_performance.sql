with sales as (
    select
        show_id,
        count(*) as orders,
        count(distinct buyer_id) as buyers,
        sum(gmv_usd) as gmv_usd
    from {{ ref('core/fct_orders') }}
    where show_id is not null
    group by show_id
)
select
    st.show_id,
    st.seller_id,
    st.category_id,
    st.show_date,
    st.duration_minutes,
    st.unique_viewers,
    st.unique_bidders,
    coalesce(s.orders, 0) as orders,
    coalesce(s.buyers, 0) as buyers,
    cast(coalesce(s.gmv_usd, 0) as decimal(18, 2)) as gmv_usd,
    case when st.unique_viewers > 0
         then cast(cast(coalesce(s.buyers, 0) as decimal(18, 4)) / st.unique_viewers as decimal(9, 4))
    end as viewer_conversion_rate
from {{ ref('live/show_stats') }} st
left join sales s on s.show_id = st.show_id
where st.status = 'ended'
