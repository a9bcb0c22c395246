package dev.martello.marts.demodata;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import static dev.martello.marts.demodata.Draw.chance;
import static dev.martello.marts.demodata.Timeline.DAY;

/**
 * The user accounts, signed up over the history as the business grows; user ids follow sign-up order. Who is active
 * when follows a simple retention model: new users are active often, and a few engaged users keep coming back while
 * most drift away.
 */
final class Users {
    static final String[] PLATFORMS = {"ios", "android", "web"};
    static final Weights PLATFORM_MIX = new Weights(45, 30, 25);
    private static final String[] COUNTRIES = {"US", "GB", "CA", "DE", "FR", "NL", "ES", "IT", "AU", "IE"};
    private static final Weights COUNTRY_MIX = new Weights(52, 12, 9, 8, 5, 3, 3, 3, 3, 2);
    private static final int[] CURRENCY = {Fx.USD, Fx.GBP, Fx.CAD, Fx.EUR, Fx.EUR, Fx.EUR, Fx.EUR, Fx.EUR, Fx.USD,
        Fx.EUR};
    private static final String[] REFERRALS = {null, "organic", "referral", "paid_social", "search"};
    private static final Weights REFERRAL_MIX = new Weights(40, 20, 15, 15, 10);
    static final long NEVER_DELETED = Long.MAX_VALUE;

    final int count;
    final long[] created;
    final long[] deleted;
    final boolean[] test;
    final byte[] platform;
    final byte[] country;
    final byte[] referral;
    /** The chance that the user acts when drawn: engaged 1, casual 0.35, drifting 0.08, test accounts 0.02. */
    final float[] engagement;
    /** How many app releases behind the user's app usually is. */
    final byte[] lag;

    Users(int count, Timeline time, SplittableRandom r, Loader out) throws SQLException {
        this.count = count;
        created = new long[count];
        deleted = new long[count];
        test = new boolean[count];
        platform = new byte[count];
        country = new byte[count];
        referral = new byte[count];
        engagement = new float[count];
        lag = new byte[count];
        int[] perDay = time.perDay(count);
        int i = 0;
        for (int d = 0; d < time.days; d++) {
            int from = i;
            for (int k = 0; k < perDay[d]; k++) {
                created[i++] = time.dayStart(d) + time.clock(r);
            }
            Arrays.sort(created, from, i);
        }
        for (i = 0; i < count; i++) {
            describe(i, time, r, out);
        }
    }

    private void describe(int i, Timeline time, SplittableRandom r, Loader out) throws SQLException {
        long id = id(i);
        platform[i] = (byte) PLATFORM_MIX.pick(r);
        country[i] = (byte) COUNTRY_MIX.pick(r);
        referral[i] = (byte) REFERRAL_MIX.pick(r);
        double kind = r.nextDouble();
        engagement[i] = kind < 0.15 ? 1f : kind < 0.5 ? 0.35f : 0.08f;
        lag[i] = (byte) (chance(r, 0.6) ? 0 : chance(r, 0.6) ? 1 : 2);
        long deletedAt = chance(r, 0.02) ? created[i] + (long) Draw.exponential(r, 150 * DAY) : NEVER_DELETED;
        deleted[i] = deletedAt <= time.now ? deletedAt : NEVER_DELETED;
        Boolean isTest = chance(r, 0.005) ? Boolean.TRUE : chance(r, 0.45) ? Boolean.FALSE : null;
        test[i] = isTest == Boolean.TRUE;
        if (test[i]) {
            engagement[i] = 0.02f;
        }
        String username = test[i] ? "qa_test_" + id : Names.username(r, id);
        String email = test[i] ? "qa+" + id + "@martello.example" : Names.email(r, username);
        String code = COUNTRIES[country[i]];
        long changed = deleted[i] == NEVER_DELETED ? created[i] : deleted[i];
        out.row(RawTables.USERS, id, username, email, chance(r, 0.04) ? code.toLowerCase(Locale.ROOT) : code,
            PLATFORMS[platform[i]], REFERRALS[referral[i]], Timeline.time(created[i]),
            deleted[i] == NEVER_DELETED ? null : Timeline.time(deleted[i]), isTest,
            Timeline.time(time.loaded(r, changed, 3 * Timeline.HOUR)));
    }

    static long id(int i) {
        return i + 1L;
    }

    int currency(int i) {
        return CURRENCY[country[i]];
    }

    String countryCode(int i) {
        return COUNTRIES[country[i]];
    }

    boolean isReferred(int i) {
        return "referral".equals(REFERRALS[referral[i]]);
    }

    boolean activeAt(int i, long t) {
        return created[i] <= t && deleted[i] > t;
    }

    /** How many users had signed up by {@code t}. */
    int before(long t) {
        int i = Arrays.binarySearch(created, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < count && created[i + 1] == t) {
            i++;
        }
        return i + 1;
    }

    /**
     * A user who acts at {@code t}, or -1 when none is found: often a recent sign-up (of the last 4, 14 or 45 days,
     * so activity fades over the first weeks), otherwise anyone who signed up before; each is accepted by their
     * engagement. Deleted accounts never act.
     */
    int pick(SplittableRandom r, long t) {
        int all = before(t);
        if (all == 0) {
            return -1;
        }
        for (int attempt = 0; attempt < 12; attempt++) {
            double u = r.nextDouble();
            long recent = u < 0.18 ? 4 * DAY : u < 0.32 ? 14 * DAY : u < 0.44 ? 45 * DAY : -1;
            int lo = recent < 0 ? 0 : before(t - recent);
            if (all <= lo) {
                continue;
            }
            int i = lo + r.nextInt(all - lo);
            if (deleted[i] > t && r.nextDouble() < engagement[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The platform the user acts on: mostly the one they signed up on. */
    String platformOf(SplittableRandom r, int i) {
        return PLATFORMS[chance(r, 0.85) ? platform[i] : PLATFORM_MIX.pick(r)];
    }
}
