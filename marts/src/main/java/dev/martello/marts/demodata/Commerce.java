package dev.martello.marts.demodata;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static dev.martello.marts.demodata.Draw.between;
import static dev.martello.marts.demodata.Draw.chance;
import static dev.martello.marts.demodata.Timeline.DAY;
import static dev.martello.marts.demodata.Timeline.HOUR;

/**
 * Orders with their lines, payments and refunds. Each order plays out its life up to now: payment (sometimes after a
 * failed attempt, rarely never), shipping, delivery, and the odd cancellation by the seller or refund; its status
 * is where it got to. Amounts are in the buyer's currency at the order day's rate.
 */
final class Commerce {
    private static final String[] METHODS = {"card", "apple_pay", "google_pay", "paypal", "store_credit"};
    private static final Weights METHOD_MIX = new Weights(45, 22, 10, 18, 5);
    private static final String[] CLAIMS = {"damaged", "not_as_described", "other"};
    private static final Weights CLAIM_MIX = new Weights(40, 45, 15);

    /** An order line: a product, how many, and the unit price in USD cents. */
    record Line(int product, int quantity, long unitUsd) {
    }

    private final Timeline time;
    private final Fx fx;
    private final Users users;
    private final Events events;
    private final Loader out;
    private long orders;
    private long items;
    private long payments;
    private long refunds;

    Commerce(Timeline time, Fx fx, Users users, Events events, Loader out) {
        this.time = time;
        this.fx = fx;
        this.users = users;
        this.events = events;
        this.out = out;
    }

    /** Places an order of {@code buyer} from seller {@code s} at second {@code at}; {@code showId} null off-stream. */
    void place(SplittableRandom r, int buyer, int s, Long showId, long at, List<Line> lines, String platform)
        throws SQLException {
        long order = ++orders;
        int day = time.dayOf(at);
        int currency = users.currency(buyer);
        long subtotal = 0;
        for (Line l : lines) {
            long unit = fx.fromUsd(l.unitUsd(), currency, day);
            subtotal += unit * l.quantity();
            out.row(RawTables.ORDER_ITEMS, ++items, order, Products.id(l.product()), l.quantity(), unit,
                Timeline.time(time.loaded(r, at, 15 * Timeline.MINUTE)));
        }
        Long shipping = chance(r, 0.35) ? null : fx.fromUsd(between(r, 4, 14) * 100 + 99, currency, day);
        long total = subtotal + (shipping == null ? 0 : shipping);
        String code = Fx.CURRENCIES[currency];
        Outcome o = playOut(r, order, code, total, subtotal, at);
        String stored = currency != Fx.USD && chance(r, 0.03) ? code.toLowerCase(Locale.ROOT) : code;
        out.row(RawTables.ORDERS, order, Users.id(buyer), Sellers.id(s), showId, o.status, stored, shipping,
            Timeline.time(at), Timeline.time(o.updated), Timeline.time(time.loaded(r, o.updated, 15 * 60)));
        events.user(r, users, buyer, "placed", "order", order, platform, at,
            Names.json("total_cents", total, "currency", code));
    }

    private static final class Outcome {
        String status = "placed";
        long updated;
    }

    private Outcome playOut(SplittableRandom r, long order, String currency, long total, long subtotal, long at)
        throws SQLException {
        Outcome o = new Outcome();
        o.updated = at;
        String method = METHODS[METHOD_MIX.pick(r)];
        long attempt = at + between(r, 5, 120);
        boolean neverPaid = chance(r, 0.015);
        if (neverPaid || chance(r, 0.03)) {
            if (attempt <= time.now) {
                payment(r, order, total, currency, method, "failed", attempt, 0);
            }
            attempt += between(r, 60, 900);
        }
        if (neverPaid) {
            move(o, "cancelled", at + between(r, 20 * HOUR, 30 * HOUR));
            return o;
        }
        if (attempt > time.now) {
            return o;
        }
        // A quarter of sellers capture only when they confirm the order; until then the payment is authorized.
        long capture = attempt + (chance(r, 0.25) ? between(r, HOUR, 2 * DAY) : between(r, 2, 60));
        boolean captured = capture <= time.now;
        long payment = payment(r, order, total, currency, method, captured ? "captured" : "authorized", attempt,
            captured ? capture : 0);
        if (!captured || !move(o, "paid", capture)) {
            return o;
        }
        if (chance(r, 0.025)) {
            long cancel = capture + between(r, HOUR, 2 * DAY);
            if (move(o, "cancelled", cancel)) {
                refund(r, order, payment, total, "cancelled_by_seller", Math.min(time.now, cancel + between(r, 60,
                    2 * HOUR)));
            }
            return o;
        }
        long shipped = capture + between(r, 4 * HOUR, 4 * DAY);
        if (!move(o, "shipped", shipped)) {
            return o;
        }
        if (chance(r, 0.01)) {
            refund(r, order, payment, total, "not_received", shipped + between(r, 15 * DAY, 25 * DAY));
            return o;
        }
        long delivered = shipped + between(r, 2 * DAY, 8 * DAY);
        if (move(o, "delivered", delivered) && chance(r, 0.04)) {
            long amount = chance(r, 0.6) ? total : Math.max(1, subtotal / 2);
            refund(r, order, payment, amount, CLAIMS[CLAIM_MIX.pick(r)], delivered + between(r, DAY, 14 * DAY));
        }
        return o;
    }

    /** Moves the order to {@code status} if that happened by now. */
    private boolean move(Outcome o, String status, long at) {
        if (at > time.now) {
            return false;
        }
        o.status = status;
        o.updated = at;
        return true;
    }

    private long payment(SplittableRandom r, long order, long amount, String currency, String method, String status,
                         long created, long captured) throws SQLException {
        long id = ++payments;
        out.row(RawTables.PAYMENTS, id, order, amount, currency, method, status, Timeline.time(created),
            captured == 0 ? null : Timeline.time(captured),
            Timeline.time(time.loaded(r, Math.max(created, captured), 15 * 60)));
        return id;
    }

    /** A refund of a captured payment; one that would happen after now has not happened yet. */
    private void refund(SplittableRandom r, long order, long payment, long amount, String reason, long at)
        throws SQLException {
        if (at > time.now) {
            return;
        }
        out.row(RawTables.REFUNDS, ++refunds, order, payment, amount, reason, Timeline.time(at),
            Timeline.time(time.loaded(r, at, HOUR)));
    }
}
