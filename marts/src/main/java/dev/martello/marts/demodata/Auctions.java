package dev.martello.marts.demodata;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static dev.martello.marts.demodata.Draw.between;
import static dev.martello.marts.demodata.Draw.chance;

/**
 * The auctions of one show: lots one after another, each bid higher than the last and placed by a viewer who had
 * joined. When a lot closes and its reserve is met, the highest bid wins and becomes an order; the lot still open
 * when a live show reaches now has no winner yet.
 */
final class Auctions {

    /** A viewer who may bid. */
    record Viewer(int user, long joined, String platform) {
    }

    private final Timeline time;
    private final Products products;
    private final Commerce commerce;
    private final Events events;
    private final Users users;
    private final Loader out;
    private long bids;
    private long lots;

    Auctions(Timeline time, Products products, Commerce commerce, Events events, Users users, Loader out) {
        this.time = time;
        this.products = products;
        this.commerce = commerce;
        this.events = events;
        this.users = users;
        this.out = out;
    }

    /** Runs about {@code bidCount} bids over the show's lots; returns the orders the won lots became. */
    int run(SplittableRandom r, long showId, int seller, int categoryId, long start, long end, boolean ended,
            List<Viewer> viewers, int bidCount) throws SQLException {
        if (bidCount == 0) {
            return 0;
        }
        int[] sizes = new int[bidCount];
        int lotCount = 0;
        for (int left = bidCount; left > 0; lotCount++) {
            sizes[lotCount] = Math.min(left, 1 + (int) Draw.exponential(r, 2.5));
            left -= sizes[lotCount];
        }
        long span = Math.max(lotCount, end - start) / lotCount;
        int orders = 0;
        for (int l = 0; l < lotCount; l++) {
            long from = start + l * span;
            boolean closed = from + span <= time.now && (ended || l < lotCount - 1);
            orders += lot(r, showId, seller, categoryId, from, span, closed, viewers, sizes[l]);
        }
        return orders;
    }

    private int lot(SplittableRandom r, long showId, int seller, int categoryId, long from, long span,
                    boolean closed, List<Viewer> viewers, int size) throws SQLException {
        long lot = ++lots;
        int product = chance(r, 0.95) ? products.forSale(r, seller, categoryId, from) : -1;
        long price = product < 0 ? between(r, 5, 40) * 100
            : Math.max(100, products.priceUsd(product) * between(r, 20, 60) / 100 / 100 * 100);
        if (chance(r, 0.3)) {
            price = 100;
        }
        long[] at = new long[size];
        for (int i = 0; i < size; i++) {
            at[i] = from + r.nextLong(Math.max(1, span - 1));
        }
        Arrays.sort(at);
        Viewer[] bidder = new Viewer[size];
        long[] amount = new long[size];
        for (int i = 0; i < size; i++) {
            bidder[i] = chooseBidder(r, viewers, at[i], i == 0 ? null : bidder[i - 1]);
            amount[i] = i == 0 ? price : amount[i - 1] + Math.max(100, amount[i - 1] / 10 / 100 * 100)
                * (1 + r.nextInt(3));
        }
        boolean sold = closed && chance(r, 0.93);
        for (int i = 0; i < size; i++) {
            long bid = ++bids;
            out.row(RawTables.BIDS, bid, showId, lot, product < 0 ? null : Products.id(product),
                Users.id(bidder[i].user()), amount[i], Timeline.time(at[i]), sold && i == size - 1,
                Timeline.time(time.loaded(r, at[i], 5 * Timeline.MINUTE)));
            events.user(r, users, bidder[i].user(), "placed", "bid", bid, bidder[i].platform(), at[i],
                Names.json("amount_cents", amount[i], "lot_id", lot));
        }
        long orderedAt = at[size - 1] + between(r, 5, 90);
        if (!sold || orderedAt > time.now) {
            return 0;
        }
        Viewer winner = bidder[size - 1];
        int item = product >= 0 ? product : products.forSale(r, seller, categoryId, orderedAt);
        commerce.place(r, winner.user(), seller, showId, orderedAt,
            List.of(new Commerce.Line(item, 1, amount[size - 1])), winner.platform());
        return 1;
    }

    /** A viewer who had joined by {@code t}, preferably not the one who just bid. */
    private static Viewer chooseBidder(SplittableRandom r, List<Viewer> viewers, long t, Viewer previous) {
        Viewer fallback = viewers.get(r.nextInt(viewers.size()));
        for (int attempt = 0; attempt < 6; attempt++) {
            Viewer v = viewers.get(r.nextInt(viewers.size()));
            if (v.joined() <= t && v != previous) {
                return v;
            }
        }
        return fallback;
    }
}
