-- Week 0 is the sign-up week itself. Dates of two Mondays differ by a multiple of 7 days, so the division is exact
-- on every warehouse (integer or decimal division alike).
with cohorts as (
    select user_id, signup_week as cohort_week
    from {{ ref('core/dim_users') }}
),
sizes as (
    select cohort_week, count(*) as cohort_size
    from cohorts
    group by cohort_week
),
retained as (
    select
        c.cohort_week,
        cast((a.activity_week - c.cohort_week) / 7 as integer) as weeks_since_signup,
        count(distinct a.user_id) as retained_users
    from cohorts c
    join {{ ref('growth/user_weekly_activity') }} a
      on a.user_id = c.user_id and a.activity_week >= c.cohort_week
    group by c.cohort_week, cast((a.activity_week - c.cohort_week) / 7 as integer)
)
select
    r.cohort_week,
    r.weeks_since_signup,
    s.cohort_size,
    r.retained_users,
    cast(cast(r.retained_users as decimal(18, 4)) / s.cohort_size as decimal(9, 4)) as retention_rate
from retained r
join sizes s on s.cohort_week = r.cohort_week
where r.weeks_since_signup <= 12
