package dev.martello.marts.demodata;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.martello.marts.demodata.Draw.between;
import static dev.martello.marts.demodata.Draw.chance;
import static dev.martello.marts.demodata.Timeline.DAY;
import static dev.martello.marts.demodata.Timeline.HOUR;

/**
 * The catalog, listed as sellers sell: most sales list a new product shortly before (collectibles are one of a
 * kind), some sell another unit of a product the seller listed earlier. At the end, products that never sold are
 * added. Prices are kept in USD cents and converted to the buyer's currency when sold.
 */
final class Products {
    private static final String[] CONDITIONS = {"new", "like_new", "used", "graded"};
    private static final Weights CARD_CONDITIONS = new Weights(30, 20, 15, 35);
    private static final Weights OTHER_CONDITIONS = new Weights(50, 30, 18, 2);

    private final Timeline time;
    private final Sellers sellers;
    private final Loader out;
    private int count;
    private int[] category = new int[1024];
    private long[] priceUsd = new long[1024];
    private long[] listed = new long[1024];
    private final int[][] bySeller;
    private final int[] ownCount;

    Products(Timeline time, Sellers sellers, Loader out) {
        this.time = time;
        this.sellers = sellers;
        this.out = out;
        this.bySeller = new int[sellers.count][];
        this.ownCount = new int[sellers.count];
    }

    int count() {
        return count;
    }

    static long id(int p) {
        return p + 1L;
    }

    long priceUsd(int p) {
        return priceUsd[p];
    }

    long listedAt(int p) {
        return listed[p];
    }

    /** A product seller {@code s} sells at {@code t}, in {@code categoryId} (0: one of the seller's). */
    int forSale(SplittableRandom r, int s, int categoryId, long t) throws SQLException {
        if (ownCount[s] > 0 && chance(r, 0.45)) {
            int p = bySeller[s][r.nextInt(ownCount[s])];
            if (listed[p] <= t && (categoryId == 0 || category[p] == categoryId)) {
                return p;
            }
        }
        Categories.Category c = categoryId == 0 ? Categories.childOf(r, sellers.home[s]) : Categories.byId(categoryId);
        long earliest = Math.max(sellers.approved[s], t - 20 * DAY);
        return list(r, s, c, Draw.between(r, earliest, Math.max(earliest, t - 60)));
    }

    /** Products that never sold: about a quarter more, listed while their seller was selling. */
    void listUnsold(SplittableRandom r) throws SQLException {
        for (int s = 0; s < sellers.count; s++) {
            if (sellers.approved[s] == Sellers.NEVER) {
                continue;
            }
            int n = Draw.round(r, ownCount[s] * 0.25 + 0.5);
            long last = Math.min(time.now, sellers.until[s]);
            for (int k = 0; k < n; k++) {
                list(r, s, Categories.childOf(r, sellers.home[s]), between(r, sellers.approved[s], last));
            }
        }
    }

    private int list(SplittableRandom r, int s, Categories.Category c, long at) throws SQLException {
        grow();
        int p = count++;
        boolean cards = c.parent() <= 2;
        String condition = CONDITIONS[(cards ? CARD_CONDITIONS : OTHER_CONDITIONS).pick(r)];
        double usd = Draw.logNormal(r, c.typicalPriceUsd(), 0.6) * (condition.equals("graded") ? 2.2 : 1);
        category[p] = c.id();
        priceUsd[p] = Math.max(1, Math.round(usd)) * 100 - 1;
        listed[p] = at;
        if (bySeller[s] == null) {
            bySeller[s] = new int[8];
        } else if (ownCount[s] == bySeller[s].length) {
            bySeller[s] = Arrays.copyOf(bySeller[s], ownCount[s] * 2);
        }
        bySeller[s][ownCount[s]++] = p;
        out.row(RawTables.PRODUCTS, id(p), Sellers.id(s), c.id(), Names.productTitle(r, c, condition), condition,
            Timeline.time(at), Timeline.time(time.loaded(r, at, HOUR)));
        return p;
    }

    private void grow() {
        if (count == category.length) {
            category = Arrays.copyOf(category, count * 2);
            priceUsd = Arrays.copyOf(priceUsd, count * 2);
            listed = Arrays.copyOf(listed, count * 2);
        }
    }
}
