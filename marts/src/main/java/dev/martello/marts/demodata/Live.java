package dev.martello.marts.demodata;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.martello.marts.demodata.Draw.between;
import static dev.martello.marts.demodata.Draw.chance;
import static dev.martello.marts.demodata.Timeline.DAY;
import static dev.martello.marts.demodata.Timeline.HOUR;
import static dev.martello.marts.demodata.Timeline.MINUTE;

/**
 * Livestream shows day by day: sellers go live, viewers join and leave, lots are auctioned to viewers, each sold lot
 * becomes an order of its winner, and some viewers buy outright. A show still running at the end of the last day is
 * {@code live}; a few shows are cancelled, and some are scheduled for the coming week.
 */
final class Live {
    /** Show start by UTC hour: American and European evenings. */
    private static final Weights START_HOURS = new Weights(1.5, 1.6, 1.3, 0.8, 0.3, 0.05, 0.05, 0.05, 0.05, 0.05,
        0.05, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0, 1.1, 1.1, 1.0, 1.0, 1.2);
    private static final String[] SOURCES = {"feed", "push", "share_link", "search", "profile"};

    /** A show that went live; {@code end} is now for a show still live. */
    private record Show(long id, int seller, Categories.Category category, long start, long end, boolean ended,
                        double popularity, List<Session> sessions) {
    }

    private record Session(int user, long joined, long left, String platform) {
    }

    private final Timeline time;
    private final Users users;
    private final Sellers sellers;
    private final Products products;
    private final Commerce commerce;
    private final Events events;
    private final Loader out;
    private final Auctions auctions;
    private long shows;
    private long sessions;
    private List<Show> yesterday = List.of();
    private List<Show> today = List.of();

    Live(Timeline time, Users users, Sellers sellers, Products products, Commerce commerce, Events events,
         Loader out) {
        this.time = time;
        this.users = users;
        this.sellers = sellers;
        this.products = products;
        this.commerce = commerce;
        this.events = events;
        this.out = out;
        this.auctions = new Auctions(time, products, commerce, events, users, out);
    }

    /** Simulates day {@code d}'s shows; returns how many orders were placed in them. */
    int day(SplittableRandom r, int d, Sellers.Roster roster, int showCount, int sessionCount, int bidCount,
            int buyNowCount) throws SQLException {
        yesterday = today;
        today = new ArrayList<>();
        for (int i = 0; i < showCount; i++) {
            int s = roster.pick(r);
            if (s >= 0) {
                host(r, d, s);
            }
        }
        double popularity = today.stream().mapToDouble(Show::popularity).sum();
        for (Show show : today) {
            watch(r, show, Draw.round(r, sessionCount * show.popularity() / popularity));
        }
        int viewers = today.stream().mapToInt(s -> s.sessions().size()).sum();
        int orders = 0;
        for (Show show : today) {
            if (!show.sessions().isEmpty()) {
                double share = (double) show.sessions().size() / viewers;
                orders += auctions.run(r, show.id(), show.seller(), show.category().id(), show.start(), show.end(),
                    show.ended(), show.sessions().stream().map(v -> new Auctions.Viewer(v.user(), v.joined(),
                        v.platform())).toList(), Draw.round(r, bidCount * share));
                orders += buyNow(r, show, Draw.round(r, buyNowCount * share));
            }
        }
        return orders;
    }

    /** A show of yesterday or today that had started by {@code t}, for sharing; null when none. */
    Long showToShare(SplittableRandom r, long t) {
        List<Show> pool = r.nextBoolean() || yesterday.isEmpty() ? today : yesterday;
        if (pool.isEmpty()) {
            return null;
        }
        Show show = pool.get(r.nextInt(pool.size()));
        return show.start() <= t ? show.id() : null;
    }

    /** Shows announced for the coming week. */
    void announce(SplittableRandom r, Sellers.Roster roster, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            int s = roster.pick(r);
            if (s < 0) {
                return;
            }
            Categories.Category c = Categories.childOf(r, sellers.home[s]);
            long scheduled = (time.now + 1) + between(r, 0, 7 * 24 * 4 - 1) * 15 * MINUTE;
            write(r, ++shows, s, c, "scheduled", scheduled, 0, 0, time.now - between(r, 0, 5 * DAY));
        }
    }

    private void host(SplittableRandom r, int d, int s) throws SQLException {
        Categories.Category c = chance(r, 0.85) ? Categories.childOf(r, sellers.home[s])
            : Categories.childOf(r, Categories.randomTop(r));
        long scheduled = time.dayStart(d) + START_HOURS.pick(r) * HOUR + r.nextInt(4) * 15 * MINUTE;
        long id = ++shows;
        if (chance(r, 0.04) || scheduled > time.now) {
            boolean cancelled = scheduled <= time.now;
            write(r, id, s, c, cancelled ? "cancelled" : "scheduled", scheduled, 0, 0,
                Math.min(time.now, scheduled - between(r, HOUR, 2 * DAY)));
            return;
        }
        long start = scheduled + between(r, 0, 600);
        long end = start + Math.clamp((long) Draw.logNormal(r, 95, 0.45), 20, 300) * MINUTE;
        if (start > time.now) {
            write(r, id, s, c, "scheduled", scheduled, 0, 0, scheduled - between(r, HOUR, 2 * DAY));
            return;
        }
        boolean ended = end <= time.now;
        write(r, id, s, c, ended ? "ended" : "live", scheduled, start, ended ? end : 0, ended ? end : start);
        String platform = sellers.platformOf(s);
        events.seller(r, s, platform, "started", id, start, null);
        if (ended) {
            events.seller(r, s, platform, "ended", id, end, Names.json("duration_seconds", end - start));
        }
        double popularity = sellers.popularity[s] * Draw.logNormal(r, 1, 0.8);
        today.add(new Show(id, s, c, start, ended ? end : time.now, ended, popularity, new ArrayList<>()));
    }

    private void write(SplittableRandom r, long id, int s, Categories.Category c, String status, long scheduled,
                       long started, long ended, long changed) throws SQLException {
        out.row(RawTables.SHOWS, id, Sellers.id(s), c.id(), Names.showTitle(r, c), status,
            Timeline.time(scheduled), started == 0 ? null : Timeline.time(started),
            ended == 0 ? null : Timeline.time(ended), Timeline.time(time.loaded(r, changed, 10 * MINUTE)));
    }

    private void watch(SplittableRandom r, Show show, int count) throws SQLException {
        long length = show.end() - show.start();
        for (int i = 0; i < count; i++) {
            long joined = show.start() + (long) (length * StrictMath.pow(r.nextDouble(), 1.6));
            int u = users.pick(r, joined);
            if (u < 0 || u == sellers.user[show.seller()]) {
                continue;
            }
            long left = joined + Math.max(20, (long) Draw.exponential(r, 12 * MINUTE));
            left = show.ended() ? Math.min(left, show.end()) : left > time.now ? 0 : left;
            String platform = users.platformOf(r, u);
            show.sessions().add(new Session(u, joined, left, platform));
            out.row(RawTables.VIEWER_SESSIONS, ++sessions, show.id(), Users.id(u), platform, Timeline.time(joined),
                left == 0 ? null : Timeline.time(left),
                Timeline.time(time.loaded(r, left == 0 ? joined : left, 10 * MINUTE)));
            events.user(r, users, u, "joined", "show", show.id(), platform, joined,
                Names.json("source", Draw.oneOf(r, SOURCES)));
            if (left != 0) {
                events.user(r, users, u, "left", "show", show.id(), platform, left,
                    Names.json("watch_seconds", left - joined));
            }
        }
    }

    /** Viewers buying listed items outright during the show. */
    private int buyNow(SplittableRandom r, Show show, int count) throws SQLException {
        int placed = 0;
        for (int i = 0; i < count; i++) {
            Session v = show.sessions().get(r.nextInt(show.sessions().size()));
            long until = v.left() == 0 ? time.now : v.left();
            long at = between(r, v.joined(), until);
            List<Commerce.Line> lines = new ArrayList<>();
            int n = chance(r, 0.8) ? 1 : 2;
            for (int k = 0; k < n; k++) {
                int p = products.forSale(r, show.seller(), show.category().id(), at);
                lines.add(new Commerce.Line(p, chance(r, 0.9) ? 1 : 2, products.priceUsd(p)));
            }
            commerce.place(r, v.user(), show.seller(), show.id(), at, lines, v.platform());
            placed++;
        }
        return placed;
    }
}
