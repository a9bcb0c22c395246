package dev.martello.marts.live;

import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Check;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Severity;

import java.time.Duration;

import static dev.martello.dsl.SqlType.BIGINT;
import static dev.martello.dsl.SqlType.BOOLEAN;
import static dev.martello.dsl.SqlType.DATE;
import static dev.martello.dsl.SqlType.INTEGER;
import static dev.martello.dsl.SqlType.TIMESTAMP;
import static dev.martello.dsl.SqlType.VARCHAR;

/**
 * Livestream shows, who watched them and the auction bids placed in them, from the livestream service
 * (application mart of producer {@code raw_live}).
 *
 * <p>Raw tables assumed (all timestamps UTC; see marts/RAW_SOURCES.md):
 * <pre>
 * raw_live.shows           (show_id BIGINT, seller_id BIGINT, category_id INTEGER, title VARCHAR, status VARCHAR,
 *                           scheduled_start_at TIMESTAMP, started_at TIMESTAMP null, ended_at TIMESTAMP null,
 *                           _loaded_at TIMESTAMP)
 * raw_live.viewer_sessions (session_id BIGINT, show_id BIGINT, user_id BIGINT, platform VARCHAR, joined_at TIMESTAMP,
 *                           left_at TIMESTAMP null, _loaded_at TIMESTAMP)
 * raw_live.bids            (bid_id BIGINT, show_id BIGINT, lot_id BIGINT, product_id BIGINT null, bidder_id BIGINT,
 *                           amount_cents BIGINT, placed_at TIMESTAMP, is_winning BOOLEAN, _loaded_at TIMESTAMP)
 * </pre>
 */
public final class LiveMart implements MartDefinition {

    @Override
    public Mart define() {
        return Mart.application("live")
            .owner("team:live-data")
            .describedAs("Livestream shows, viewer sessions and auction bids from the livestream service")
            .producer("raw_live")
            .source("raw_live.shows", s -> s
                .describedAs("One row per scheduled show, updated as it goes live and ends")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofMinutes(30)))
            .source("raw_live.viewer_sessions", s -> s
                .describedAs("One row per time a user joined a show")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofMinutes(30)))
            .source("raw_live.bids", s -> s
                .describedAs("One row per bid placed in a show's auction")
                .loadedAt("_loaded_at")
                .freshWithin(Duration.ofMinutes(30)))
            .asset("shows", a -> a
                .describedAs("One row per show: seller, main category, schedule, status and live duration")
                .exposed()
                .tag("tier", "1")
                .freshWithin(Duration.ofHours(1))
                .automation(AutomationPolicy.eager())
                .column("show_id", BIGINT, c -> c.notNull().unique())
                .column("seller_id", BIGINT, c -> c.notNull())
                .column("category_id", INTEGER, c -> c.notNull())
                .column("title", VARCHAR, c -> c.notNull())
                .column("status", VARCHAR, c -> c.notNull().acceptedValues("scheduled", "live", "ended", "cancelled"))
                .column("scheduled_start_at", TIMESTAMP, c -> c.notNull())
                .column("started_at", TIMESTAMP)
                .column("ended_at", TIMESTAMP)
                .column("show_date", DATE, c -> c.notNull().describedAs("UTC date it started, or was scheduled"))
                .column("duration_minutes", BIGINT, c -> c.describedAs("Live time; null until the show ended"))
                .check(Check.sql("ended_after_started",
                    "select * from {{ this }} where ended_at < started_at"))
                .sqlFile("shows.sql"))
            .asset("show_viewers", a -> a
                .describedAs("One row per viewer session: who watched which show, on which platform, for how long")
                .exposed()
                .freshWithin(Duration.ofHours(1))
                .automation(AutomationPolicy.eager())
                .column("session_id", BIGINT, c -> c.notNull().unique())
                .column("show_id", BIGINT, c -> c.notNull())
                .column("user_id", BIGINT, c -> c.notNull())
                .column("platform", VARCHAR, c -> c.notNull().acceptedValues("ios", "android", "web"))
                .column("joined_at", TIMESTAMP, c -> c.notNull())
                .column("left_at", TIMESTAMP)
                .column("watch_seconds", BIGINT, c -> c.describedAs("Null while the session is still open"))
                .sql("""
                    select
                        session_id,
                        show_id,
                        user_id,
                        platform,
                        joined_at,
                        left_at,
                        case when left_at is not null
                             then cast(extract(epoch from (left_at - joined_at)) as bigint)
                        end as watch_seconds
                    from {{ source('raw_live.viewer_sessions') }}
                    """))
            .asset("bids", a -> a
                .describedAs("One row per auction bid (USD cents), flagging the winning bid of each lot")
                .exposed()
                .freshWithin(Duration.ofMinutes(30))
                .automation(AutomationPolicy.eager())
                .column("bid_id", BIGINT, c -> c.notNull().unique())
                .column("show_id", BIGINT, c -> c.notNull())
                .column("lot_id", BIGINT, c -> c.notNull())
                .column("product_id", BIGINT)
                .column("bidder_id", BIGINT, c -> c.notNull())
                .column("amount_cents", BIGINT, c -> c.notNull())
                .column("placed_at", TIMESTAMP, c -> c.notNull())
                .column("is_winning", BOOLEAN, c -> c.notNull())
                .check(Check.sql("winning_bid_is_highest", """
                    select w.*
                    from {{ this }} w
                    join {{ this }} b on b.lot_id = w.lot_id and b.amount_cents > w.amount_cents
                    where w.is_winning
                    """).withSeverity(Severity.WARN))
                .sql("""
                    select bid_id, show_id, lot_id, product_id, bidder_id, amount_cents, placed_at, is_winning
                    from {{ source('raw_live.bids') }}
                    """))
            .asset("show_stats", a -> a
                .describedAs("One row per show with its audience (unique viewers, watch time) and auction activity"
                    + " (bids, bidders, lots, winning bid total)")
                .exposed()
                .tag("tier", "2")
                .freshWithin(Duration.ofHours(2))
                .automation(AutomationPolicy.eager())
                .column("show_id", BIGINT, c -> c.notNull().unique())
                .column("seller_id", BIGINT, c -> c.notNull())
                .column("category_id", INTEGER, c -> c.notNull())
                .column("show_date", DATE, c -> c.notNull())
                .column("status", VARCHAR, c -> c.notNull())
                .column("duration_minutes", BIGINT)
                .column("unique_viewers", BIGINT, c -> c.notNull())
                .column("viewer_sessions", BIGINT, c -> c.notNull())
                .column("watch_minutes", BIGINT, c -> c.notNull())
                .column("bids", BIGINT, c -> c.notNull())
                .column("unique_bidders", BIGINT, c -> c.notNull())
                .column("lots_auctioned", BIGINT, c -> c.notNull())
                .column("winning_bid_cents", BIGINT, c -> c.notNull())
                .check(Check.sql("bidders_not_above_viewers", """
                    select * from {{ this }} where unique_bidders > unique_viewers and unique_viewers > 0
                    """).withSeverity(Severity.WARN))
                .sqlFile("show_stats.sql"))
            .build();
    }
}
