package dev.martello.marts.accounts;

import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Check;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;

import java.time.Duration;

import static dev.martello.dsl.SqlType.BIGINT;
import static dev.martello.dsl.SqlType.DATE;
import static dev.martello.dsl.SqlType.TIMESTAMP;
import static dev.martello.dsl.SqlType.VARCHAR;

/**
 * Accounts and seller accounts from the identity service (application mart of producer {@code raw_accounts}).
 *
 * <p>Raw tables assumed (all timestamps UTC; see marts/RAW_SOURCES.md):
 * <pre>
 * raw_accounts.users   (user_id BIGINT, username VARCHAR, email VARCHAR, country_code VARCHAR,
 *                       signup_platform VARCHAR, referral_source VARCHAR null, created_at TIMESTAMP,
 *                       deleted_at TIMESTAMP null, is_test BOOLEAN null, _loaded_at TIMESTAMP)
 * raw_accounts.sellers (seller_id BIGINT, user_id BIGINT, store_name VARCHAR, status VARCHAR, country_code VARCHAR,
 *                       applied_at TIMESTAMP, approved_at TIMESTAMP null, _loaded_at TIMESTAMP)
 * </pre>
 */
public final class AccountsMart implements MartDefinition {

    @Override
    public Mart define() {
        return Mart.application("accounts")
            .owner("team:identity", "identity-data@example.com")
            .describedAs("User and seller accounts as the identity service knows them; test and deleted accounts"
                + " removed")
            .producer("raw_accounts")
            .source("raw_accounts.users", s -> s
                .describedAs("One row per account, replicated from the identity database")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofHours(6)))
            .source("raw_accounts.sellers", s -> s
                .describedAs("One row per seller application, replicated from the identity database")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofHours(6)))
            .asset("users", a -> a
                .describedAs("One row per live user account (no test or deleted accounts); e-mail lower-cased")
                .exposed()
                .tag("pii")
                .tag("tier", "1")
                .freshWithin(Duration.ofHours(12), Duration.ofHours(8))
                .automation(AutomationPolicy.eager())
                .column("user_id", BIGINT, c -> c.notNull().unique())
                .column("username", VARCHAR, c -> c.notNull().describedAs("The public handle"))
                .column("email", VARCHAR, c -> c.notNull().describedAs("Lower-cased; personal data"))
                .column("country_code", VARCHAR, c -> c.notNull().describedAs("ISO 3166 alpha-2, upper case"))
                .column("signup_platform", VARCHAR, c -> c.notNull().acceptedValues("ios", "android", "web"))
                .column("referral_source", VARCHAR, c -> c
                    .acceptedValues("organic", "referral", "paid_social", "search").warnOnly()
                    .describedAs("Null in the raw data means organic"))
                .column("signed_up_at", TIMESTAMP, c -> c.notNull())
                .column("signup_date", DATE, c -> c.notNull())
                .check(Check.rowCount(1L, null))
                .sqlFile("users.sql"))
            .asset("sellers", a -> a
                .describedAs("One row per seller account with its approval status")
                .exposed()
                .tag("tier", "2")
                .freshWithin(Duration.ofHours(12))
                .automation(AutomationPolicy.eager())
                .column("seller_id", BIGINT, c -> c.notNull().unique())
                .column("user_id", BIGINT, c -> c.notNull().unique().describedAs("The seller's own user account"))
                .column("store_name", VARCHAR, c -> c.notNull())
                .column("status", VARCHAR, c -> c.notNull().acceptedValues("pending", "active", "suspended", "closed"))
                .column("country_code", VARCHAR, c -> c.notNull())
                .column("applied_at", TIMESTAMP, c -> c.notNull())
                .column("approved_at", TIMESTAMP)
                .check(Check.sql("active_sellers_are_approved",
                    "select * from {{ this }} where status = 'active' and approved_at is null"))
                .sql("""
                    select
                        s.seller_id,
                        s.user_id,
                        s.store_name,
                        s.status,
                        upper(s.country_code) as country_code,
                        s.applied_at,
                        s.approved_at
                    from {{ source('raw_accounts.sellers') }} s
                    """))
            .build();
    }
}
