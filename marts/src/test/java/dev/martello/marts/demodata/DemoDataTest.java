package dev.martello.marts.demodata;

import dev.martello.dsl.SourceSeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data at scale 0.01 in DuckDB: deterministic, shaped as RAW_SOURCES.md documents, and consistent. */
class DemoDataTest {
    static final SourceSeed.Options OPTIONS = new SourceSeed.Options(0.01, LocalDate.of(2026, 6, 30), 42);
    private static final String NOW = "timestamp '2026-06-30 23:59:59.999'";

    private static Connection db;

    @BeforeAll
    static void seed() throws SQLException {
        db = DriverManager.getConnection("jdbc:duckdb:");
        new DemoData().seed(db, OPTIONS);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void isSeededOnceEveryRawTableExists() throws SQLException {
        try (Connection fresh = DriverManager.getConnection("jdbc:duckdb:")) {
            DemoData demo = new DemoData();
            assertThat(demo.isSeeded(fresh)).isFalse();
            demo.seed(fresh, OPTIONS);
            assertThat(demo.isSeeded(fresh)).isTrue();
            execute(fresh, "drop table raw_finance.fx_rates");
            assertThat(demo.isSeeded(fresh)).isFalse();
        }
    }

    @Test
    void aSeedThatDidNotFinishDoesNotCountAsSeeded() throws SQLException {
        try (Connection fresh = DriverManager.getConnection("jdbc:duckdb:")) {
            DemoData demo = new DemoData();
            demo.seed(fresh, OPTIONS);
            // What a process killed after the appenders committed but before the end leaves: every table, no marker.
            execute(fresh, "drop table " + DemoData.COMPLETE);
            assertThat(demo.isSeeded(fresh)).isFalse();
        }
    }

    @Test
    void theSameOptionsGiveTheSameRows() throws SQLException {
        try (Connection again = DriverManager.getConnection("jdbc:duckdb:")) {
            new DemoData().seed(again, OPTIONS);
            assertThat(TableChecksums.of(again)).isEqualTo(TableChecksums.of(db));
        }
    }

    @Test
    void anotherRandomSeedGivesOtherRows() throws SQLException {
        try (Connection other = DriverManager.getConnection("jdbc:duckdb:")) {
            new DemoData().seed(other, new SourceSeed.Options(OPTIONS.scale(), OPTIONS.lastDay(), 43));
            Map<String, String> mine = TableChecksums.of(db);
            Map<String, String> theirs = TableChecksums.of(other);
            mine.forEach((table, sum) -> {
                if (!table.equals("raw_commerce.categories")) {
                    assertThat(theirs.get(table)).as(table).isNotEqualTo(sum);
                }
            });
        }
    }

    @Test
    void reseedingReplacesTheTables() throws SQLException {
        try (Connection twice = DriverManager.getConnection("jdbc:duckdb:")) {
            new DemoData().seed(twice, new SourceSeed.Options(0.01, OPTIONS.lastDay(), 7));
            new DemoData().seed(twice, OPTIONS);
            assertThat(TableChecksums.of(twice)).isEqualTo(TableChecksums.of(db));
        }
    }

    @Test
    void everyDocumentedTableAndColumnExistsWithItsTypeAndNullability() throws SQLException, IOException {
        RawSourcesDoc doc = RawSourcesDoc.read();
        assertThat(doc.tables()).hasSize(13);
        DatabaseMetaData meta = db.getMetaData();
        List<String> problems = new ArrayList<>();
        doc.tables().forEach((table, columns) -> {
            String[] name = table.split("\\.");
            Map<String, String[]> actual = new LinkedHashMap<>();
            try (ResultSet rs = meta.getColumns(null, name[0], name[1], "%")) {
                while (rs.next()) {
                    actual.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), new String[] {
                        rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT).replace(" ", ""),
                        rs.getString("IS_NULLABLE")});
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            for (RawSourcesDoc.DocColumn c : columns) {
                String[] a = actual.get(c.name());
                if (a == null) {
                    problems.add(table + "." + c.name() + " is missing");
                } else if (!a[0].equals(c.type().replace(" ", ""))) {
                    problems.add(table + "." + c.name() + " is " + a[0] + ", documented " + c.type());
                } else if (a[1].equals("YES") != c.nullable()) {
                    problems.add(table + "." + c.name() + " nullable " + a[1] + ", documented " + c.nullable());
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void scale001IsSmall() throws SQLException {
        assertThat(count("select count(*) from raw_events.app_events")).isBetween(9_000L, 12_000L);
        assertThat(count("select count(*) from raw_accounts.users")).isEqualTo(300);
        assertThat(count("select count(*) from raw_commerce.orders")).isBetween(1_200L, 1_800L);
    }

    @Test
    void enumeratedColumnsHoldOnlyTheirDocumentedValues() throws SQLException {
        Map<String, Long> outside = new TreeMap<>();
        for (Values v : VALUES) {
            String sql = "select count(*) from " + v.table + " where " + v.expression + " is not null and "
                + v.expression + " not in (" + String.join(", ", v.values.stream().map(x -> "?").toList()) + ")";
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                for (int i = 0; i < v.values.size(); i++) {
                    ps.setString(i + 1, v.values.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        outside.put(v.table + " " + v.expression, rs.getLong(1));
                    }
                }
            }
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void rulesBetweenColumnsAndTablesHold() throws SQLException {
        assertThat(violations(RULES)).isEmpty();
    }

    @Test
    void referencesPointAtExistingRows() throws SQLException {
        Map<String, String> rules = new LinkedHashMap<>();
        for (String[] fk : REFERENCES) {
            rules.put(fk[0] + "." + fk[1] + " -> " + fk[2] + "." + fk[3], "select count(*) from " + fk[0]
                + " c where c." + fk[1] + " is not null and not exists (select 1 from " + fk[2] + " p where p."
                + fk[3] + " = c." + fk[1] + ")");
        }
        assertThat(violations(rules)).isEmpty();
    }

    @Test
    void theFunnelEventsMatchTheEntities() throws SQLException {
        assertThat(violations(Map.of(
            "every user has a sign-up event", """
                select count(*) from raw_accounts.users u where not exists (select 1 from raw_events.app_events e
                where e.action = 'signed_up' and e.object_type = 'account' and e.actor_id = u.user_id
                  and e.object_id = u.user_id)""",
            "every viewer session has a join event", """
                select count(*) from raw_live.viewer_sessions v where not exists (select 1 from raw_events.app_events e
                where e.action = 'joined' and e.object_type = 'show' and e.actor_id = v.user_id
                  and e.object_id = v.show_id)""",
            "every bid has a bid event by its bidder", """
                select count(*) from raw_live.bids b where not exists (select 1 from raw_events.app_events e
                where e.action = 'placed' and e.object_type = 'bid' and e.actor_id = b.bidder_id
                  and e.object_id = b.bid_id)""",
            "every order has an order event by its buyer", """
                select count(*) from raw_commerce.orders o where not exists (select 1 from raw_events.app_events e
                where e.action = 'placed' and e.object_type = 'order' and e.actor_id = o.buyer_id
                  and e.object_id = o.order_id)""",
            "every show that started has a start event by its seller", """
                select count(*) from raw_live.shows s where s.started_at is not null and not exists (select 1
                from raw_events.app_events e where e.actor_type = 'seller' and e.action = 'started'
                  and e.actor_id = s.seller_id and e.object_id = s.show_id)"""))).isEmpty();
    }

    @Test
    void theDataCoversTheCasesTheMartsHandle() throws SQLException, IOException {
        String plan = String.join(", ", RawSourcesDoc.read().trackingPlan().stream().map(n -> "'" + n + "'").toList());
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("duplicate event ids", "select count(*) - count(distinct event_id) from raw_events.app_events");
        cases.put("events outside the tracking plan", "select count(*) from raw_events.app_events where actor_type"
            + " || '_' || action || '_' || object_type not in (" + plan + ")");
        cases.put("marketplace orders", "select count(*) from raw_commerce.orders where show_id is null");
        cases.put("livestream orders", "select count(*) from raw_commerce.orders where show_id is not null");
        cases.put("cancelled orders", "select count(*) from raw_commerce.orders where status = 'cancelled'");
        cases.put("non-USD orders", "select count(*) from raw_commerce.orders where upper(currency) <> 'USD'");
        cases.put("lower-case currencies",
            "select count(*) from raw_commerce.orders where currency <> upper(currency)");
        cases.put("free shipping", "select count(*) from raw_commerce.orders where shipping_cents is null");
        cases.put("refunds", "select count(*) from raw_commerce.refunds");
        cases.put("failed payments", "select count(*) from raw_commerce.payments where status = 'failed'");
        cases.put("authorized payments", "select count(*) from raw_commerce.payments where status = 'authorized'");
        cases.put("deleted users", "select count(*) from raw_accounts.users where deleted_at is not null");
        cases.put("test users", "select count(*) from raw_accounts.users where is_test");
        cases.put("unknown referral", "select count(*) from raw_accounts.users where referral_source is null");
        cases.put("mixed-case e-mails", "select count(*) from raw_accounts.users where email <> lower(email)");
        cases.put("lower-case countries",
            "select count(*) from raw_accounts.users where country_code <> upper(country_code)");
        cases.put("pending sellers", "select count(*) from raw_accounts.sellers where status = 'pending'");
        cases.put("sellers who stopped",
            "select count(*) from raw_accounts.sellers where status in ('closed', 'suspended')");
        cases.put("cancelled shows", "select count(*) from raw_live.shows where status = 'cancelled'");
        cases.put("announced shows", "select count(*) from raw_live.shows where status = 'scheduled'");
        cases.put("lots without a catalogued product", "select count(*) from raw_live.bids where product_id is null");
        cases.put("winning bids", "select count(*) from raw_live.bids where is_winning");
        cases.put("graded products", "select count(*) from raw_commerce.products where condition = 'graded'");
        cases.put("orders in the holiday campaign", "select count(*) from raw_commerce.orders"
            + " where created_at >= timestamp '2025-11-01 00:00:00' and created_at < timestamp '2026-01-07 00:00:00'");
        cases.put("shows in Black Friday week", "select count(*) from raw_live.shows where status = 'ended'"
            + " and started_at >= timestamp '2025-11-24 00:00:00' and started_at < timestamp '2025-12-02 00:00:00'");
        cases.put("events on the last day", "select count(*) from raw_events.app_events"
            + " where event_ts >= timestamp '2026-06-30 00:00:00'");
        Map<String, Long> missing = new TreeMap<>();
        for (var c : cases.entrySet()) {
            if (count(c.getValue()) == 0) {
                missing.put(c.getKey(), 0L);
            }
        }
        assertThat(missing).isEmpty();
    }

    private record Values(String table, String expression, List<String> values) {
    }

    private static final List<Values> VALUES = List.of(
        new Values("raw_accounts.users", "signup_platform", List.of("ios", "android", "web")),
        new Values("raw_accounts.users", "referral_source", List.of("organic", "referral", "paid_social", "search")),
        new Values("raw_accounts.users", "upper(country_code)", List.of("US", "GB", "CA", "DE", "FR", "NL", "ES",
            "IT", "AU", "IE")),
        new Values("raw_accounts.sellers", "status", List.of("pending", "active", "suspended", "closed")),
        new Values("raw_commerce.products", "condition", List.of("new", "like_new", "used", "graded")),
        new Values("raw_commerce.orders", "status", List.of("placed", "paid", "shipped", "delivered", "cancelled")),
        new Values("raw_commerce.orders", "upper(currency)", List.of("USD", "EUR", "GBP", "CAD")),
        new Values("raw_commerce.payments", "method", List.of("card", "apple_pay", "google_pay", "paypal",
            "store_credit")),
        new Values("raw_commerce.payments", "status", List.of("authorized", "captured", "failed")),
        new Values("raw_commerce.refunds", "reason", List.of("damaged", "not_as_described", "not_received",
            "cancelled_by_seller", "other")),
        new Values("raw_live.shows", "status", List.of("scheduled", "live", "ended", "cancelled")),
        new Values("raw_live.viewer_sessions", "platform", List.of("ios", "android", "web")),
        new Values("raw_events.app_events", "actor_type", List.of("user", "seller", "system")),
        new Values("raw_events.app_events", "platform", List.of("ios", "android", "web", "server")),
        new Values("raw_finance.fx_rates", "currency", List.of("EUR", "GBP", "CAD")));

    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put("active sellers are approved",
            "select count(*) from raw_accounts.sellers where status = 'active' and approved_at is null");
        RULES.put("pending sellers are not approved",
            "select count(*) from raw_accounts.sellers where status = 'pending' and approved_at is not null");
        RULES.put("one seller account per user", "select count(*) from (select user_id from raw_accounts.sellers"
            + " group by user_id having count(*) > 1) d");
        RULES.put("sellers applied after signing up", "select count(*) from raw_accounts.sellers s"
            + " join raw_accounts.users u on u.user_id = s.user_id where s.applied_at < u.created_at");
        RULES.put("every order has an item", "select count(*) from raw_commerce.orders o where not exists"
            + " (select 1 from raw_commerce.order_items i where i.order_id = o.order_id)");
        RULES.put("quantities are positive", "select count(*) from raw_commerce.order_items where quantity <= 0");
        RULES.put("buyers do not buy from themselves", "select count(*) from raw_commerce.orders o"
            + " join raw_accounts.sellers s on s.seller_id = o.seller_id where s.user_id = o.buyer_id");
        RULES.put("livestream orders are from the show's seller", "select count(*) from raw_commerce.orders o"
            + " join raw_live.shows s on s.show_id = o.show_id where s.seller_id <> o.seller_id");
        RULES.put("orders are updated after they are created",
            "select count(*) from raw_commerce.orders where updated_at < created_at");
        RULES.put("captured payments have a capture time",
            "select count(*) from raw_commerce.payments where status = 'captured' and captured_at is null");
        RULES.put("only captured payments have a capture time",
            "select count(*) from raw_commerce.payments where status <> 'captured' and captured_at is not null");
        RULES.put("payments are in the order's currency", "select count(*) from raw_commerce.payments p"
            + " join raw_commerce.orders o on o.order_id = p.order_id where p.currency <> upper(o.currency)");
        RULES.put("refunds are positive", "select count(*) from raw_commerce.refunds where amount_cents <= 0");
        RULES.put("refunds are of the order's captured payment", "select count(*) from raw_commerce.refunds r"
            + " join raw_commerce.payments p on p.payment_id = r.payment_id"
            + " where p.status <> 'captured' or p.order_id <> r.order_id or r.created_at < p.captured_at");
        RULES.put("refunds do not exceed the payment", "select count(*) from (select r.payment_id"
            + " from raw_commerce.refunds r join raw_commerce.payments p on p.payment_id = r.payment_id"
            + " group by r.payment_id, p.amount_cents having sum(r.amount_cents) > p.amount_cents) d");
        RULES.put("shows end after they start",
            "select count(*) from raw_live.shows where ended_at < started_at");
        RULES.put("ended shows started and ended", "select count(*) from raw_live.shows"
            + " where status = 'ended' and (started_at is null or ended_at is null)");
        RULES.put("live shows started and have not ended", "select count(*) from raw_live.shows"
            + " where status = 'live' and (started_at is null or ended_at is not null)");
        RULES.put("scheduled and cancelled shows never started", "select count(*) from raw_live.shows"
            + " where status in ('scheduled', 'cancelled') and started_at is not null");
        RULES.put("viewers leave after joining",
            "select count(*) from raw_live.viewer_sessions where left_at < joined_at");
        RULES.put("at most one winning bid per lot", "select count(*) from (select lot_id from raw_live.bids"
            + " where is_winning group by lot_id having count(*) > 1) d");
        RULES.put("the winning bid is the lot's highest", "select count(*) from raw_live.bids w"
            + " join raw_live.bids b on b.lot_id = w.lot_id and b.amount_cents > w.amount_cents where w.is_winning");
        RULES.put("a lot belongs to one show", "select count(*) from (select lot_id from raw_live.bids"
            + " group by lot_id having count(distinct show_id) > 1) d");
        RULES.put("system events have no actor, the others have one", "select count(*) from raw_events.app_events"
            + " where (actor_type = 'system') = (actor_id is not null)");
        RULES.put("a duplicate event is a copy", "select count(*) from (select event_id from raw_events.app_events"
            + " group by event_id having count(distinct cast(event_ts as varchar) || actor_type || action"
            + " || object_type || coalesce(cast(object_id as varchar), '-') || coalesce(properties, '-')) > 1) d");
        RULES.put("one rate per currency and day", "select count(*) from (select currency, rate_date"
            + " from raw_finance.fx_rates group by currency, rate_date having count(*) > 1) d");
        RULES.put("every non-USD order day has a rate", "select count(*) from raw_commerce.orders o"
            + " where upper(o.currency) <> 'USD' and not exists (select 1 from raw_finance.fx_rates f"
            + " where f.currency = upper(o.currency) and f.rate_date = cast(o.created_at as date))");
        for (RawTable t : RawTables.ALL) {
            RULES.put(t.qualifiedName() + " loaded by the last day",
                "select count(*) from " + t.qualifiedName() + " where _loaded_at > " + NOW);
        }
        for (String[] at : new String[][] {{"raw_accounts.users", "created_at"}, {"raw_accounts.users", "deleted_at"},
            {"raw_accounts.sellers", "applied_at"},
            {"raw_accounts.sellers", "approved_at"}, {"raw_commerce.orders", "updated_at"},
            {"raw_commerce.payments", "captured_at"}, {"raw_commerce.refunds", "created_at"},
            {"raw_commerce.products", "listed_at"}, {"raw_live.shows", "ended_at"},
            {"raw_live.viewer_sessions", "left_at"}, {"raw_live.bids", "placed_at"},
            {"raw_events.app_events", "event_ts"}}) {
            RULES.put(at[0] + "." + at[1] + " by the last day",
                "select count(*) from " + at[0] + " where " + at[1] + " > " + NOW);
        }
    }

    private static final String[][] REFERENCES = {
        {"raw_accounts.sellers", "user_id", "raw_accounts.users", "user_id"},
        {"raw_commerce.categories", "parent_category_id", "raw_commerce.categories", "category_id"},
        {"raw_commerce.products", "seller_id", "raw_accounts.sellers", "seller_id"},
        {"raw_commerce.products", "category_id", "raw_commerce.categories", "category_id"},
        {"raw_commerce.orders", "buyer_id", "raw_accounts.users", "user_id"},
        {"raw_commerce.orders", "seller_id", "raw_accounts.sellers", "seller_id"},
        {"raw_commerce.orders", "show_id", "raw_live.shows", "show_id"},
        {"raw_commerce.order_items", "order_id", "raw_commerce.orders", "order_id"},
        {"raw_commerce.order_items", "product_id", "raw_commerce.products", "product_id"},
        {"raw_commerce.payments", "order_id", "raw_commerce.orders", "order_id"},
        {"raw_commerce.refunds", "order_id", "raw_commerce.orders", "order_id"},
        {"raw_commerce.refunds", "payment_id", "raw_commerce.payments", "payment_id"},
        {"raw_live.shows", "seller_id", "raw_accounts.sellers", "seller_id"},
        {"raw_live.shows", "category_id", "raw_commerce.categories", "category_id"},
        {"raw_live.viewer_sessions", "show_id", "raw_live.shows", "show_id"},
        {"raw_live.viewer_sessions", "user_id", "raw_accounts.users", "user_id"},
        {"raw_live.bids", "show_id", "raw_live.shows", "show_id"},
        {"raw_live.bids", "product_id", "raw_commerce.products", "product_id"},
        {"raw_live.bids", "bidder_id", "raw_accounts.users", "user_id"}};

    private static Map<String, Long> violations(Map<String, String> rules) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (var rule : rules.entrySet()) {
            long n = count(rule.getValue());
            if (n > 0) {
                out.put(rule.getKey(), n);
            }
        }
        return out;
    }

    private static long count(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
