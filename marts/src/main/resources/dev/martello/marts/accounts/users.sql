-- Live accounts only: deleted and internal test accounts never leave the identity mart.
select
    u.user_id,
    u.username,
    lower(u.email) as email,
    upper(u.country_code) as country_code,
    u.signup_platform,
    coalesce(u.referral_source, 'organic') as referral_source,
    u.created_at as signed_up_at,
    cast(u.created_at as date) as signup_date
from {{ source('raw_accounts.users') }} u
where u.deleted_at is null
  and coalesce(u.is_test, false) = false
