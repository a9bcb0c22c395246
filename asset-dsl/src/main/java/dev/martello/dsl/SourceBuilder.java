package dev.martello.dsl;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Options of one declared {@link Source}: {@code s -> s.loadedAt("_loaded_at").describedAs("…")}. */
public final class SourceBuilder {
    private final SourceKey key;
    private final Location location;
    private final List<Problem> problems;
    private String description = "";
    private String loadedAt;
    private FreshnessPolicy freshness;

    SourceBuilder(SourceKey key, Location location, List<Problem> problems) {
        this.key = key;
        this.location = location;
        this.problems = problems;
    }

    public SourceBuilder describedAs(String text) {
        this.description = text;
        return this;
    }

    /** The column holding when each row was loaded; observing its maximum tells when new data arrived. */
    public SourceBuilder loadedAt(String column) {
        this.loadedAt = Identifiers.normalise(column);
        if (!Identifiers.isIdentifier(loadedAt)) {
            problems.add(new Problem("invalid-column", key.toString(), location,
                "Source '" + key + "' has loaded-at column '" + column + "', which is not a plain identifier.",
                "Name the column with letters, digits and underscores."));
        }
        return this;
    }

    /** The source is expected to receive new data at least this often. */
    public SourceBuilder freshWithin(Duration maxLag) {
        if (maxLag == null || maxLag.isNegative() || maxLag.isZero()) {
            problems.add(new Problem("invalid-freshness", key.toString(), location,
                "Source '" + key + "' has freshness lag " + maxLag + ", which is not positive.",
                "Give a positive duration, e.g. Duration.ofHours(2)."));
        } else {
            this.freshness = new FreshnessPolicy.MaxLag(maxLag, null);
        }
        return this;
    }

    /** The source must have received data by each tick of a 5-field cron in a time zone. */
    public SourceBuilder freshBy(String cron, String zone) {
        try {
            this.freshness = new FreshnessPolicy.CronDeadline(cron, ZoneId.of(zone));
        } catch (RuntimeException e) {
            problems.add(new Problem("invalid-freshness", key.toString(), location,
                "Source '" + key + "' has time zone '" + zone + "', which is unknown.",
                "Use a region id such as 'Europe/Berlin' or 'UTC'."));
        }
        return this;
    }

    Source build() {
        return new Source(key, description, loadedAt, freshness, location);
    }
}
