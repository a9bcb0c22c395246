package dev.martello.marts.demodata;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static dev.martello.marts.demodata.Draw.between;
import static dev.martello.marts.demodata.Draw.chance;
import static dev.martello.marts.demodata.Timeline.DAY;

/**
 * The analytics events of one day, collected as the day is simulated and written in time order. Delivery is at least
 * once (about 0.5% arrive twice, the copy loaded later), and the current iOS release has a tracking bug: it also
 * sends an undeclared {@code user viewed show} when a user joins a show.
 */
final class Events {
    private static final long RELEASE_EVERY = 21 * DAY;
    private static final double DUPLICATES = 0.005;

    /** One event; times are epoch milliseconds; a null id is a null column. */
    record Event(String id, String actorType, Long actorId, String action, String objectType, Long objectId,
                 String platform, String appVersion, long ts, String properties, long loaded) {
    }

    private final Timeline time;
    private final Loader out;
    private final List<Event> day = new ArrayList<>();
    private final long latestRelease;

    Events(Timeline time, Loader out) {
        this.time = time;
        this.out = out;
        this.latestRelease = (time.now - time.start) / RELEASE_EVERY;
    }

    int size() {
        return day.size();
    }

    /** An event by user {@code u} at second {@code t} on {@code platform}. */
    void user(SplittableRandom r, Users users, int u, String action, String objectType, Long objectId,
              String platform, long t, String properties) {
        String version = version(platform, users.lag[u], t);
        add(r, "user", Users.id(u), action, objectType, objectId, platform, version, t, properties);
        if (action.equals("joined") && platform.equals("ios") && release(t) == latestRelease && users.lag[u] == 0
            && chance(r, 0.5)) {
            add(r, "user", Users.id(u), "viewed", "show", objectId, platform, version, t, Names.json("source", "feed"));
        }
    }

    void seller(SplittableRandom r, int s, String platform, String action, Long showId, long t, String properties) {
        add(r, "seller", Sellers.id(s), action, "show", showId, platform, version(platform, 0, t), t, properties);
    }

    void system(SplittableRandom r, String action, String objectType, Long objectId, long t, String properties) {
        add(r, "system", null, action, objectType, objectId, "server", null, t, properties);
    }

    /** Adds the re-delivered copies, then writes the day in time order. */
    void flush(SplittableRandom r) throws SQLException {
        int n = day.size();
        for (int i = 0; i < n; i++) {
            if (chance(r, DUPLICATES)) {
                Event e = day.get(i);
                long again = Math.min(lastMilli(), e.loaded() + between(r, 30_000, 7_200_000));
                day.add(new Event(e.id(), e.actorType(), e.actorId(), e.action(), e.objectType(), e.objectId(),
                    e.platform(), e.appVersion(), e.ts(), e.properties(), again));
            }
        }
        day.sort(Comparator.comparingLong(Event::ts));
        for (Event e : day) {
            out.row(RawTables.APP_EVENTS, e.id(), e.actorType(), e.actorId(), e.action(), e.objectType(),
                e.objectId(), e.platform(), e.appVersion(), Timeline.timeMillis(e.ts()), e.properties(),
                Timeline.timeMillis(e.loaded()));
        }
        day.clear();
    }

    private void add(SplittableRandom r, String actorType, Long actorId, String action, String objectType,
                     Long objectId, String platform, String version, long t, String properties) {
        long ts = t * 1000 + r.nextInt(1000);
        long delay = platform.equals("server") ? between(r, 2_000, 30_000)
            : chance(r, 0.015) ? between(r, 3_600_000, 43_200_000) : between(r, 5_000, 180_000);
        day.add(new Event(Draw.uuid(r), actorType, actorId, action, objectType, objectId, platform, version, ts,
            properties, Math.min(lastMilli(), ts + delay)));
    }

    private long lastMilli() {
        return time.now * 1000 + 999;
    }

    private long release(long t) {
        return (t - time.start) / RELEASE_EVERY;
    }

    /** The app version on iOS and Android: a release every three weeks, the user some releases behind. */
    private String version(String platform, int lag, long t) {
        if (!platform.equals("ios") && !platform.equals("android")) {
            return null;
        }
        long release = Math.max(0, release(t) - lag);
        return (5 + release / 20) + "." + release % 20 + "." + (release % 4 == 3 ? 1 : 0);
    }
}
