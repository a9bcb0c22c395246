package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.Check;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.SqlTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Runs an asset's checks on a version being built: one scan counts the rows and the failing rows of every row-level
 * check, grouping and custom checks query on their own, and only a failing check fetches a sample for its message.
 * Accepted values are bound as parameters, never spliced in.
 */
final class CheckRunner {
    private final Session session;
    private final SqlRenderer renderer;

    CheckRunner(Session session, SqlRenderer renderer) {
        this.session = session;
        this.renderer = renderer;
    }

    /** Throws {@link VersionRejectedException} when any result blocks; otherwise returns them all. */
    static List<CheckResult> enforce(Asset asset, List<CheckResult> results) {
        if (results.stream().anyMatch(CheckResult::blocks)) {
            throw VersionRejectedException.checks(asset.key(), results);
        }
        return results;
    }

    /** What the checks found, and the version's row count. */
    record Outcome(long rows, List<CheckResult> results) {
    }

    /**
     * Runs every check on {@code relation}. The row count and the row-level checks ({@code not_null},
     * {@code accepted_values}) share one scan: a {@code count(*)} and one {@code sum(case …)} per check, so a
     * table with ten such checks is read once, not eleven times. Checks that group or run the analyst's SQL
     * ({@code unique}, custom) query on their own; a sample of failing rows is fetched only for a failing check.
     *
     * @param relation the quoted name of the version; {@code {{ this }}} in custom checks
     */
    Outcome run(Asset asset, String relation, PartitionWindow partition) {
        long[] counts = scan(asset).run(relation, true);
        return checks(asset, relation, partition, counts[0], Arrays.copyOfRange(counts, 1, counts.length));
    }

    /**
     * {@link #run(Asset, String, PartitionWindow)} for a table, whose {@code count(*)} costs a lookup, not a scan: the
     * count is taken first, on its own, and {@code afterCount} gets it before any check reads the table.
     */
    Outcome runCountingFirst(Asset asset, String relation, PartitionWindow partition, LongConsumer afterCount) {
        long rows = session.count("select count(*) from " + relation, List.of());
        afterCount.accept(rows);
        return checks(asset, relation, partition, rows, scan(asset).run(relation, false));
    }

    private RowScan scan(Asset asset) {
        RowScan scan = new RowScan();
        for (Check check : asset.checks()) {
            switch (check) {
                case Check.NotNull c -> scan.tally(q(c.column()) + " is null", List.of());
                case Check.AcceptedValues c -> scan.tally(outside(c), c.values());
                default -> {
                }
            }
        }
        return scan;
    }

    /** @param tallies the row-level checks' failing rows, in declaration order */
    private Outcome checks(Asset asset, String relation, PartitionWindow partition, long rows, long[] tallies) {
        int tally = 0;
        List<CheckResult> out = new ArrayList<>();
        for (Check check : asset.checks()) {
            out.add(switch (check) {
                case Check.NotNull c -> notNull(c, tallies[tally++]);
                case Check.AcceptedValues c -> acceptedValues(c, relation, tallies[tally++]);
                case Check.Unique c -> unique(c, relation);
                case Check.RowCount c -> rowCount(c, rows);
                case Check.CustomSql c -> custom(c, asset, relation, partition);
            });
        }
        return new Outcome(rows, out);
    }

    private CheckResult notNull(Check.NotNull c, long failing) {
        return result(c, failing, failing == 0 ? "no row has a null '" + c.column() + "'."
            : rows(failing) + " a null '" + c.column() + "'.");
    }

    private CheckResult unique(Check.Unique c, String relation) {
        String keys = c.columns().stream().map(this::q).collect(Collectors.joining(", "));
        String duplicates = "select " + keys + " from " + relation + " group by " + keys + " having count(*) > 1";
        long failing = session.count("select cast(coalesce(sum(n), 0) as bigint) from (select count(*) as n from "
            + relation + " group by " + keys + " having count(*) > 1) d", List.of());
        String what = "(" + String.join(", ", c.columns()) + ")";
        return result(c, failing, failing == 0 ? "every " + what + " is unique."
            : rows(failing) + " a " + what + " that another row has too, e.g. "
                + String.join("; ", session.sample(duplicates, List.of())) + ".");
    }

    /** The rows whose value is outside the accepted ones; the values are bound, in order, for its {@code ?}s. */
    private String outside(Check.AcceptedValues c) {
        String column = q(c.column());
        return column + " is not null" + (c.values().isEmpty() ? "" : " and cast(" + column + " as varchar) not in ("
            + String.join(", ", Collections.nCopies(c.values().size(), "?")) + ")");
    }

    private CheckResult acceptedValues(Check.AcceptedValues c, String relation, long failing) {
        String accepted = "[" + String.join(", ", c.values()) + "]";
        return result(c, failing, failing == 0 ? "every '" + c.column() + "' is in " + accepted + "."
            : rows(failing) + " a '" + c.column() + "' outside " + accepted + ", e.g. "
                + String.join("; ", session.sample("select distinct cast(" + q(c.column()) + " as varchar) from "
                    + relation + " where " + outside(c), c.values())) + ".");
    }

    private CheckResult rowCount(Check.RowCount c, long rows) {
        boolean tooFew = c.min() != null && rows < c.min();
        boolean tooMany = c.max() != null && rows > c.max();
        String expected = c.min() != null && c.max() != null ? "between " + c.min() + " and " + c.max()
            : c.min() != null ? "at least " + c.min() : c.max() != null ? "at most " + c.max() : "any number";
        return new CheckResult(c.name(), c.severity(), !tooFew && !tooMany, 0,
            plural(rows, "row") + "; expected " + expected + ".");
    }

    private CheckResult custom(Check.CustomSql c, Asset asset, String relation, PartitionWindow partition) {
        String sql = renderer.render(SqlTemplate.parse(c.sql(), asset.key().mart()), asset.key(), relation, partition)
            .strip().replaceAll(";+$", "");
        long failing = session.userSql(() -> session.count("select count(*) from (" + sql + ") failing", List.of()));
        return result(c, failing, failing == 0 ? "the query returned no rows."
            : "the query returned " + plural(failing, "row") + ", e.g. " + String.join("; ",
                session.userSql(() -> session.sample("select * from (" + sql + ") failing", List.of()))) + ".");
    }

    private CheckResult result(Check c, long failing, String message) {
        return new CheckResult(c.name(), c.severity(), failing == 0, failing, message);
    }

    /** One scan of a relation: per predicate, how many rows match it, and {@code count(*)} first if asked. */
    private final class RowScan {
        private final List<String> tallies = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        void tally(String predicate, List<?> predicateParams) {
            tallies.add("coalesce(sum(case when " + predicate + " then 1 else 0 end), 0)");
            params.addAll(predicateParams);
        }

        /** The tallies in order, after the row count when {@code counting}; no query when there is nothing to count. */
        long[] run(String relation, boolean counting) {
            List<String> columns = new ArrayList<>(tallies);
            if (counting) {
                columns.addFirst("count(*)");
            }
            if (columns.isEmpty()) {
                return new long[0];
            }
            String sql = "select " + String.join(", ", columns) + " from " + relation;
            return session.rows(sql, params, row -> {
                long[] counts = new long[columns.size()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = row.getLong(i + 1);
                }
                return counts;
            }).getFirst();
        }
    }

    private String q(String column) {
        return session.dialect().quote(column);
    }

    private static String rows(long n) {
        return plural(n, "row") + (n == 1 ? " has" : " have");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
