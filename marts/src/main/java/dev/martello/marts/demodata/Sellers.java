package dev.martello.marts.demodata;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.martello.marts.demodata.Draw.between;
import static dev.martello.marts.demodata.Draw.chance;
import static dev.martello.marts.demodata.Timeline.DAY;
import static dev.martello.marts.demodata.Timeline.HOUR;

/**
 * Seller accounts: users who applied to sell; a quarter are founding sellers of the first weeks, and the latest
 * applications are still in review. Approved sellers sell and host shows from approval until they are suspended or
 * close; pending ones wait for review and never sell.
 */
final class Sellers {
    static final long NEVER = Long.MAX_VALUE;
    private static final String[] PLATFORMS = {"ios", "android", "web"};
    private static final Weights PLATFORM_MIX = new Weights(65, 10, 25);

    final int count;
    final int[] user;
    final long[] approved;
    /** When the seller stopped selling (suspended or closed), or {@link #NEVER}. */
    final long[] until;
    final byte[] home;
    final float[] popularity;
    final byte[] platform;
    private final Timeline time;

    Sellers(int count, Timeline time, Users users, SplittableRandom r, Loader out) throws SQLException {
        this.count = count;
        this.time = time;
        user = new int[count];
        approved = new long[count];
        until = new long[count];
        home = new byte[count];
        popularity = new float[count];
        platform = new byte[count];
        long[] applied = applications(count, time, r);
        int inReview = Math.max(1, count / 60);
        for (int s = count - inReview; s < count; s++) {
            applied[s] = time.now - between(r, HOUR, 2 * DAY);
        }
        boolean[] taken = new boolean[users.count];
        for (int s = 0; s < count; s++) {
            int u = chooseUser(users, applied[s], taken, r);
            taken[u] = true;
            user[s] = u;
            if (applied[s] <= users.created[u]) {
                applied[s] = Math.min(time.now, users.created[u] + between(r, HOUR, 3 * DAY));
            }
            describe(s, applied[s], s >= count - inReview, users, r, out);
        }
    }

    private static long[] applications(int count, Timeline time, SplittableRandom r) {
        long[] applied = new long[count];
        int founders = count / 4;
        for (int s = 0; s < founders; s++) {
            applied[s] = time.start + between(r, DAY, 45 * DAY);
        }
        int[] perDay = time.perDay(count - founders);
        int s = founders;
        for (int d = 0; d < time.days; d++) {
            for (int k = 0; k < perDay[d]; k++) {
                applied[s++] = time.dayStart(d) + time.clock(r);
            }
        }
        Arrays.sort(applied);
        return applied;
    }

    /** A live, non-test user who signed up before applying and is not a seller yet. */
    private static int chooseUser(Users users, long applied, boolean[] taken, SplittableRandom r) {
        int before = Math.max(1, users.before(applied - HOUR));
        for (int attempt = 0; attempt < 40; attempt++) {
            int u = r.nextInt(before);
            if (!taken[u] && !users.test[u] && users.deleted[u] == Users.NEVER_DELETED) {
                return u;
            }
        }
        for (int u = 0; u < users.count; u++) {
            if (!taken[u] && !users.test[u]) {
                return u;
            }
        }
        throw new IllegalStateException("more sellers than users");
    }

    private void describe(int s, long applied, boolean inReview, Users users, SplittableRandom r, Loader out)
        throws SQLException {
        home[s] = (byte) Categories.randomTop(r);
        popularity[s] = (float) Draw.logNormal(r, 1, 1.1);
        platform[s] = (byte) PLATFORM_MIX.pick(r);
        long approval = applied + between(r, 2 * HOUR, 5 * DAY);
        boolean pending = inReview || approval > time.now || chance(r, 0.02);
        approved[s] = pending ? NEVER : approval;
        until[s] = NEVER;
        String status = pending ? "pending" : "active";
        if (!pending && chance(r, 0.13)) {
            long end = approval + between(r, 14 * DAY, Math.max(14 * DAY, time.now - approval));
            if (end < time.now) {
                until[s] = end;
                status = chance(r, 0.6) ? "closed" : "suspended";
            }
        }
        long changed = Math.min(time.now, Math.max(applied, until[s] != NEVER ? until[s] : pending ? applied
            : approval));
        out.row(RawTables.SELLERS, id(s), Users.id(user[s]), Names.storeName(r, home[s]), status,
            users.countryCode(user[s]), Timeline.time(applied), pending ? null : Timeline.time(approval),
            Timeline.time(time.loaded(r, changed, 3 * HOUR)));
    }

    static long id(int s) {
        return s + 1L;
    }

    String platformOf(int s) {
        return PLATFORMS[platform[s]];
    }

    /** Whether the seller may sell during the whole day {@code d}. */
    boolean sellsOn(int s, int d) {
        return approved[s] <= time.dayStart(d) && until[s] >= time.dayStart(d) + DAY;
    }

    /** The sellers selling on day {@code d}, drawn by popularity. */
    Roster roster(int d) {
        int n = 0;
        int[] members = new int[count];
        double[] weights = new double[count];
        for (int s = 0; s < count; s++) {
            if (sellsOn(s, d)) {
                members[n] = s;
                weights[n++] = popularity[s];
            }
        }
        return new Roster(Arrays.copyOf(members, n), new Weights(Arrays.copyOf(weights, n)));
    }

    /** The sellers of one day. */
    record Roster(int[] members, Weights weights) {
        boolean isEmpty() {
            return members.length == 0;
        }

        /** A seller index, or -1 when nobody sells that day. */
        int pick(SplittableRandom r) {
            return isEmpty() ? -1 : members[weights.pick(r)];
        }
    }
}
