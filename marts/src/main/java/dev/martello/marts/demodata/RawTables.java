package dev.martello.marts.demodata;

import dev.martello.dsl.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The raw source tables the demo marts read, as documented in marts/RAW_SOURCES.md. */
final class RawTables {
    static final List<String> SCHEMAS = List.of("raw_accounts", "raw_commerce", "raw_live", "raw_events",
        "raw_finance");

    static final RawTable USERS = table("raw_accounts.users", "user_id bigint", "username varchar",
        "email varchar", "country_code varchar", "signup_platform varchar", "referral_source varchar null",
        "created_at timestamp", "deleted_at timestamp null", "is_test boolean null", "_loaded_at timestamp");
    static final RawTable SELLERS = table("raw_accounts.sellers", "seller_id bigint", "user_id bigint",
        "store_name varchar", "status varchar", "country_code varchar", "applied_at timestamp",
        "approved_at timestamp null", "_loaded_at timestamp");

    static final RawTable CATEGORIES = table("raw_commerce.categories", "category_id integer", "name varchar",
        "parent_category_id integer null", "_loaded_at timestamp");
    static final RawTable PRODUCTS = table("raw_commerce.products", "product_id bigint", "seller_id bigint",
        "category_id integer", "title varchar", "condition varchar", "listed_at timestamp", "_loaded_at timestamp");
    static final RawTable ORDERS = table("raw_commerce.orders", "order_id bigint", "buyer_id bigint",
        "seller_id bigint", "show_id bigint null", "status varchar", "currency varchar", "shipping_cents bigint null",
        "created_at timestamp", "updated_at timestamp", "_loaded_at timestamp");
    static final RawTable ORDER_ITEMS = table("raw_commerce.order_items", "order_item_id bigint", "order_id bigint",
        "product_id bigint", "quantity integer", "unit_price_cents bigint", "_loaded_at timestamp");
    static final RawTable PAYMENTS = table("raw_commerce.payments", "payment_id bigint", "order_id bigint",
        "amount_cents bigint", "currency varchar", "method varchar", "status varchar", "created_at timestamp",
        "captured_at timestamp null", "_loaded_at timestamp");
    static final RawTable REFUNDS = table("raw_commerce.refunds", "refund_id bigint", "order_id bigint",
        "payment_id bigint", "amount_cents bigint", "reason varchar", "created_at timestamp", "_loaded_at timestamp");

    static final RawTable SHOWS = table("raw_live.shows", "show_id bigint", "seller_id bigint",
        "category_id integer", "title varchar", "status varchar", "scheduled_start_at timestamp",
        "started_at timestamp null", "ended_at timestamp null", "_loaded_at timestamp");
    static final RawTable VIEWER_SESSIONS = table("raw_live.viewer_sessions", "session_id bigint", "show_id bigint",
        "user_id bigint", "platform varchar", "joined_at timestamp", "left_at timestamp null", "_loaded_at timestamp");
    static final RawTable BIDS = table("raw_live.bids", "bid_id bigint", "show_id bigint", "lot_id bigint",
        "product_id bigint null", "bidder_id bigint", "amount_cents bigint", "placed_at timestamp",
        "is_winning boolean", "_loaded_at timestamp");

    static final RawTable APP_EVENTS = table("raw_events.app_events", "event_id varchar", "actor_type varchar",
        "actor_id bigint null", "action varchar", "object_type varchar", "object_id bigint null", "platform varchar",
        "app_version varchar null", "event_ts timestamp", "properties varchar null", "_loaded_at timestamp");

    static final RawTable FX_RATES = table("raw_finance.fx_rates", "currency varchar", "rate_date date",
        "usd_per_unit decimal", "_loaded_at timestamp");

    static final List<RawTable> ALL = List.of(USERS, SELLERS, CATEGORIES, PRODUCTS, ORDERS, ORDER_ITEMS, PAYMENTS,
        REFUNDS, SHOWS, VIEWER_SESSIONS, BIDS, APP_EVENTS, FX_RATES);

    private RawTables() {
    }

    /** Drops and recreates every raw table; schemas are created when missing. */
    static List<String> recreateSql() {
        List<String> out = new ArrayList<>();
        SCHEMAS.forEach(s -> out.add("create schema if not exists " + s));
        ALL.reversed().forEach(t -> out.add(t.dropSql()));
        ALL.forEach(t -> out.add(t.createSql()));
        return out;
    }

    /** {@code "name type"} or {@code "name type null"}; columns are not null unless marked. */
    private static RawTable table(String qualified, String... columns) {
        String[] name = qualified.split("\\.");
        List<RawTable.Column> cols = new ArrayList<>();
        for (String c : columns) {
            String[] p = c.split(" ");
            cols.add(new RawTable.Column(p[0], SqlType.valueOf(p[1].toUpperCase(Locale.ROOT)), p.length > 2));
        }
        return new RawTable(name[0], name[1], cols);
    }
}
