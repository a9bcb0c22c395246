package dev.martello.marts.demodata;

import dev.martello.dsl.SourceSeed;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the whole history into a {@link Loader}: accounts and FX first, then day by day the shows, orders and
 * app events, then what is known about the future (announced shows) and products that never sold. Every random
 * stream derives from the seed and what it is for, so the same options always give the same rows.
 */
final class Simulation {
    private static final int USERS = 1;
    private static final int SELLERS = 2;
    private static final int FX = 3;
    private static final int DAY = 4;
    private static final int LATER = 5;
    private static final Weights FILLER = new Weights(30, 20, 30, 5, 4, 11);
    private static final String[] CHANNELS = {"sms", "instagram", "copy_link", "whatsapp"};
    private static final String[] CAMPAIGNS = {"show_reminder", "price_drop", "weekly_digest", "new_follower_show"};
    private static final String[] VIEW_SOURCES = {"feed", "search", "show", "profile"};

    private final SourceSeed.Options options;
    private final Sizes sizes;
    private final Timeline time;
    private final Loader out;

    Simulation(SourceSeed.Options options, Loader out) {
        this.options = options;
        this.sizes = Sizes.of(options.scale());
        this.time = new Timeline(options.lastDay());
        this.out = out;
    }

    void run() throws SQLException {
        Categories.write(out, time);
        Fx fx = new Fx(time, random(FX, 0), out);
        Users users = new Users(sizes.users(), time, random(USERS, 0), out);
        Sellers sellers = new Sellers(sizes.sellers(), time, users, random(SELLERS, 0), out);
        Products products = new Products(time, sellers, out);
        Events events = new Events(time, out);
        Commerce commerce = new Commerce(time, fx, users, events, out);
        Live live = new Live(time, users, sellers, products, commerce, events, out);
        Day day = new Day(users, sellers, products, commerce, live, events);
        int[] shows = time.perDay(sizes.shows());
        int[] sessions = time.perDay(sizes.viewerSessions());
        int[] bids = time.perDay(sizes.bids());
        int[] orders = time.perDay(sizes.orders());
        int[] eventCount = time.perDay(sizes.events());
        int signedUp = 0;
        Sellers.Roster roster = null;
        for (int d = 0; d < time.days; d++) {
            SplittableRandom r = random(DAY, d);
            roster = sellers.roster(d);
            long dayEnd = time.dayStart(d) + Timeline.DAY;
            for (; signedUp < users.count && users.created[signedUp] < dayEnd; signedUp++) {
                int u = signedUp;
                events.user(r, users, u, "signed_up", "account", Users.id(u), Users.PLATFORMS[users.platform[u]],
                    users.created[u], users.isReferred(u) ? Names.json("referral_code", "REF" + (u * 7919L % 100_000))
                        : null);
            }
            int placed = live.day(r, d, roster, shows[d], sessions[d], bids[d], Draw.round(r, orders[d] * 0.3));
            for (int i = placed; i < orders[d]; i++) {
                day.marketplaceOrder(r, d, roster);
            }
            for (int i = events.size(); i < eventCount[d]; i++) {
                day.filler(r, d, roster);
            }
            events.flush(r);
        }
        SplittableRandom later = random(LATER, 0);
        live.announce(later, roster, Math.max(2, sizes.shows() / 100));
        products.listUnsold(later);
    }

    /** What happens on a day besides the shows: marketplace orders and everyday app use. */
    private final class Day {
        private final Users users;
        private final Sellers sellers;
        private final Products products;
        private final Commerce commerce;
        private final Live live;
        private final Events events;

        Day(Users users, Sellers sellers, Products products, Commerce commerce, Live live, Events events) {
            this.users = users;
            this.sellers = sellers;
            this.products = products;
            this.commerce = commerce;
            this.live = live;
            this.events = events;
        }

        void marketplaceOrder(SplittableRandom r, int d, Sellers.Roster roster) throws SQLException {
            long t = time.dayStart(d) + time.clock(r);
            int buyer = users.pick(r, t);
            int s = roster.pick(r);
            if (buyer < 0 || s < 0 || sellers.user[s] == buyer) {
                return;
            }
            int n = Draw.chance(r, 0.7) ? 1 : Draw.chance(r, 0.73) ? 2 : 3;
            List<Commerce.Line> lines = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int p = products.forSale(r, s, 0, t);
                int quantity = Draw.chance(r, 0.85) ? 1 : Draw.chance(r, 0.67) ? 2 : 3;
                lines.add(new Commerce.Line(p, quantity, products.priceUsd(p)));
            }
            commerce.place(r, buyer, s, null, t, lines, users.platformOf(r, buyer));
        }

        /** Logging in, searching, browsing, following, sharing, and the pushes the platform sends. */
        void filler(SplittableRandom r, int d, Sellers.Roster roster) {
            long t = time.dayStart(d) + time.clock(r);
            int u = users.pick(r, t);
            if (u < 0) {
                return;
            }
            String platform = users.platformOf(r, u);
            switch (FILLER.pick(r)) {
                case 1 -> {
                    Categories.Category c = Categories.childOf(r, Categories.randomTop(r));
                    events.user(r, users, u, "searched", "catalog", null, platform, t,
                        Names.json("query", Names.query(r, c), "results", r.nextInt(120)));
                }
                case 2 -> {
                    int p = products.count() == 0 ? -1 : r.nextInt(products.count());
                    if (p >= 0 && products.listedAt(p) <= t) {
                        events.user(r, users, u, "viewed", "product", Products.id(p), platform, t,
                            Names.json("source", Draw.oneOf(r, VIEW_SOURCES)));
                    } else {
                        login(r, u, platform, t);
                    }
                }
                case 3 -> {
                    int s = roster.pick(r);
                    if (s >= 0) {
                        events.user(r, users, u, "followed", "seller", Sellers.id(s), platform, t, null);
                    } else {
                        login(r, u, platform, t);
                    }
                }
                case 4 -> {
                    Long show = live.showToShare(r, t);
                    if (show != null) {
                        events.user(r, users, u, "shared", "show", show, platform, t,
                            Names.json("channel", Draw.oneOf(r, CHANNELS)));
                    } else {
                        login(r, u, platform, t);
                    }
                }
                case 5 -> events.system(r, "sent", "push_notification", Users.id(u), t,
                    Names.json("campaign", Draw.oneOf(r, CAMPAIGNS), "template", "v" + (1 + r.nextInt(3))));
                default -> login(r, u, platform, t);
            }
            if (platform.equals("web") && Draw.chance(r, 0.002)) {
                // An experiment on the web shop tracks banner clicks that the tracking plan never declared.
                events.user(r, users, u, "clicked", "banner", null, platform, t, Names.json("banner", "gift_guide"));
            }
        }

        private void login(SplittableRandom r, int u, String platform, long t) {
            events.user(r, users, u, "logged_in", "app", null, platform, t, null);
        }
    }

    private SplittableRandom random(int purpose, long index) {
        return new SplittableRandom(mix(mix(options.randomSeed(), purpose), index));
    }

    /** SplitMix64's finalizer over a combination: close inputs give unrelated streams. */
    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
