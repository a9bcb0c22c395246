package dev.martello.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The fluent declaration of one {@link Asset}; it ends with the compute step, which returns {@link ComputeStep}.
 *
 * <pre>{@code
 * .asset("orders", a -> a
 *     .describedAs("One row per order")
 *     .exposed()
 *     .freshWithin(Duration.ofHours(2))
 *     .column("order_id", SqlType.BIGINT, c -> c.notNull().unique())
 *     .sqlFile("orders.sql"))
 * }</pre>
 */
public final class AssetBuilder {
    private final AssetKey key;
    private final Location location;
    private final Class<?> definingClass;
    private final List<Problem> problems;
    private final List<Owner> owners = new ArrayList<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String description = "";
    private boolean exposed;
    private Compute compute;
    private MaterializationKind materialization = MaterializationKind.TABLE;
    private Partitions partitions;
    private String partitionColumn;
    private FreshnessPolicy freshness;
    private String codeVersion;
    private AutomationPolicy automation;
    private RetryPolicy retry = RetryPolicy.NONE;
    private Duration timeout;

    /** The last step of an asset's declaration: once the compute is given, the asset is complete. */
    public static final class ComputeStep {
        private ComputeStep() {
        }
    }

    AssetBuilder(AssetKey key, Location location, Class<?> definingClass, List<Problem> problems) {
        this.key = key;
        this.location = location;
        this.definingClass = definingClass;
        this.problems = problems;
    }

    void problem(String rule, String message, String fix) {
        problems.add(new Problem(rule, key.toString(), location, message, fix));
    }

    public AssetBuilder describedAs(String text) {
        description = text == null ? "" : text;
        return this;
    }

    /** Owners of this asset instead of the mart's: {@code team:name} or e-mail addresses. */
    public AssetBuilder owner(String... values) {
        for (String v : values) {
            try {
                owners.add(Owner.parse(v));
            } catch (IllegalArgumentException e) {
                problem("invalid-owner", "Asset '" + key + "' has an invalid " + e.getMessage() + ".", "");
            }
        }
        return this;
    }

    /** Makes the asset public: assets of other marts may read it. Everything else is private to its mart. */
    public AssetBuilder exposed() {
        exposed = true;
        return this;
    }

    /**
     * Declares an input not visible in SQL (Java assets) or one the SQL also refs: {@code mart/name} for an asset,
     * {@code schema.table} for a source.
     */
    public AssetBuilder dependsOn(String upstream) {
        return dependsOn(upstream, null);
    }

    /** Declares an input with the partition mapping to read it with. */
    public AssetBuilder dependsOn(String upstream, PartitionMapping mapping) {
        try {
            NodeKey k = upstream != null && upstream.contains("/") || upstream != null && !upstream.contains(".")
                ? AssetKey.parse(upstream, key.mart()) : SourceKey.parse(upstream);
            dependencies.add(new Dependency(k, mapping, Dependency.Origin.DECLARED));
        } catch (IllegalArgumentException e) {
            problem("invalid-key", "Asset '" + key + "' depends on '" + upstream + "': " + e.getMessage() + ".",
                "Write 'mart/name' for an asset or 'schema.table' for a source.");
        }
        return this;
    }

    /** Materializes as a table rebuilt in full and published atomically (the default). */
    public AssetBuilder table() {
        materialization = MaterializationKind.TABLE;
        return this;
    }

    /** Materializes as a view. */
    public AssetBuilder view() {
        materialization = MaterializationKind.VIEW;
        return this;
    }

    /**
     * Materializes partition by partition: each run replaces the rows of one partition, identified by
     * {@code partitionColumn}, in one transaction. Needs partitions.
     */
    public AssetBuilder incremental(String partitionColumn) {
        materialization = MaterializationKind.INCREMENTAL;
        this.partitionColumn = Identifiers.normalise(partitionColumn);
        return this;
    }

    public AssetBuilder partitions(Partitions value) {
        partitions = value;
        return this;
    }

    /** Daily partitions from {@code startDate} (ISO, e.g. 2024-01-01) in time zone {@code zone}. */
    public AssetBuilder partitionedDaily(String startDate, String zone) {
        return timePartitions(Partitions.Granularity.DAILY, startDate, zone);
    }

    /** Hourly partitions from {@code startDate} (ISO) in time zone {@code zone}. */
    public AssetBuilder partitionedHourly(String startDate, String zone) {
        return timePartitions(Partitions.Granularity.HOURLY, startDate, zone);
    }

    /** A static list of partition keys, e.g. regions. */
    public AssetBuilder partitionedBy(String... keys) {
        Set<String> seen = new HashSet<>();
        for (String k : keys) {
            if (k == null || k.isBlank() || !seen.add(k)) {
                problem("invalid-partitions", "Asset '" + key + "' has partition key '" + k + "', which is "
                    + (k == null || k.isBlank() ? "blank." : "listed twice."), "Give each partition key once.");
            }
        }
        partitions = new Partitions.Static(List.of(keys));
        return this;
    }

    private AssetBuilder timePartitions(Partitions.Granularity g, String startDate, String zone) {
        try {
            partitions = new Partitions.Time(g, java.time.LocalDate.parse(startDate), ZoneId.of(zone));
        } catch (java.time.format.DateTimeParseException e) {
            problem("invalid-partitions", "Asset '" + key + "' has partition start '" + startDate
                + "', which is not an ISO date.", "Write it as yyyy-MM-dd, e.g. '2024-01-01'.");
        } catch (java.time.DateTimeException e) {
            problem("invalid-partitions", "Asset '" + key + "' has partition time zone '" + zone
                + "', which is unknown.", "Use a region id such as 'Europe/Berlin' or 'UTC'.");
        }
        return this;
    }

    /** FAIL when the last materialization is older than {@code maxLag}. */
    public AssetBuilder freshWithin(Duration maxLag) {
        return freshWithin(maxLag, null);
    }

    /** FAIL past {@code maxLag}, WARN past {@code warnAfter}. */
    public AssetBuilder freshWithin(Duration maxLag, Duration warnAfter) {
        if (maxLag == null || maxLag.isZero() || maxLag.isNegative()) {
            problem("invalid-freshness", "Asset '" + key + "' has freshness lag " + maxLag + ", which is not positive.",
                "Give a positive duration, e.g. Duration.ofHours(2).");
        } else if (warnAfter != null && (warnAfter.isNegative() || warnAfter.compareTo(maxLag) >= 0)) {
            problem("invalid-freshness", "Asset '" + key + "' warns after " + Durations.format(warnAfter)
                + ", which is not before its maximum lag " + Durations.format(maxLag) + ".",
                "Give a warning threshold shorter than the maximum lag.");
        } else {
            freshness = new FreshnessPolicy.MaxLag(maxLag, warnAfter);
        }
        return this;
    }

    /** Must be materialized by each tick of a 5-field cron in a time zone: {@code freshBy("0 7 * * *", "Europe/Berlin")}. */
    public AssetBuilder freshBy(String cron, String zone) {
        try {
            freshness = new FreshnessPolicy.CronDeadline(cron, ZoneId.of(zone));
        } catch (java.time.DateTimeException e) {
            problem("invalid-freshness", "Asset '" + key + "' has freshness time zone '" + zone + "', which is unknown.",
                "Use a region id such as 'Europe/Berlin' or 'UTC'.");
        }
        return this;
    }

    public AssetBuilder check(Check value) {
        checks.add(value);
        return this;
    }

    public AssetBuilder column(String name, SqlType type) {
        return column(name, type, c -> { });
    }

    /** A contract column; the engine checks the built table has it, with this type, before publishing. */
    public AssetBuilder column(String name, SqlType type, Consumer<ColumnBuilder> options) {
        String n = Identifiers.normalise(name);
        if (!Identifiers.isIdentifier(n)) {
            problem("invalid-column", "Asset '" + key + "' has column '" + name + "', which is not a plain identifier.",
                "Name columns with letters, digits and underscores, starting with a letter.");
            return this;
        }
        if (columns.stream().anyMatch(c -> c.name().equals(n))) {
            problem("duplicate-column", "Asset '" + key + "' declares column '" + n + "' twice.",
                "Declare each column once.");
            return this;
        }
        ColumnBuilder b = new ColumnBuilder(n);
        options.accept(b);
        columns.add(b.column(type));
        checks.addAll(b.checks());
        return this;
    }

    /** A bare tag, matched by the selection {@code tag:name}. */
    public AssetBuilder tag(String name) {
        return tag(name, "");
    }

    /** A tag with a value, matched by {@code tag:name=value}. */
    public AssetBuilder tag(String name, String value) {
        if (name == null || name.isBlank() || name.contains("=") || name.contains(" ")) {
            problem("invalid-tag", "Asset '" + key + "' has tag '" + name + "', which is blank or holds '=' or a space.",
                "Use a plain word such as 'pii' or 'tier'.");
        } else {
            tags.put(name.strip(), value == null ? "" : value.strip());
        }
        return this;
    }

    /** Overrides the code version (by default a hash of the normalised SQL and the configuration). */
    public AssetBuilder codeVersion(String version) {
        codeVersion = version;
        return this;
    }

    public AssetBuilder automation(AutomationPolicy policy) {
        automation = policy;
        return this;
    }

    /** Retries transient failures up to {@code maxRetries} times, backing off from {@code initialBackoff}. */
    public AssetBuilder retries(int maxRetries, Duration initialBackoff) {
        if (maxRetries < 0 || initialBackoff == null || initialBackoff.isNegative()) {
            problem("invalid-retry", "Asset '" + key + "' has retries " + maxRetries + " with backoff " + initialBackoff
                + ".", "Give zero or more retries and a non-negative backoff.");
        } else {
            retry = new RetryPolicy(maxRetries, initialBackoff, initialBackoff.multipliedBy(64));
        }
        return this;
    }

    /** Cancels the warehouse statement and fails the step when one attempt runs longer than this. */
    public AssetBuilder timeout(Duration limit) {
        if (limit == null || limit.isZero() || limit.isNegative()) {
            problem("invalid-timeout", "Asset '" + key + "' has timeout " + limit + ", which is not positive.",
                "Give a positive duration, e.g. Duration.ofMinutes(30).");
        } else {
            timeout = limit;
        }
        return this;
    }

    /** Computes the asset with an inline SQL select. */
    public ComputeStep sql(String select) {
        return setSql(select, "inline");
    }

    /** Computes the asset with the SQL select in a resource beside the mart class, e.g. {@code orders.sql}. */
    public ComputeStep sqlFile(String fileName) {
        String path = definingClass.getPackageName().replace('.', '/') + "/" + fileName;
        try (InputStream in = definingClass.getResourceAsStream(fileName)) {
            if (in == null) {
                problem("missing-sql-file", "Asset '" + key + "' reads SQL file '" + fileName + "', which is not on the"
                    + " classpath at /" + path + ".", "Put the file in src/main/resources/" + path + ".");
                return new ComputeStep();
            }
            return setSql(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            problem("missing-sql-file", "Asset '" + key + "' could not read SQL file /" + path + ": " + e.getMessage()
                + ".", "Check the file is readable.");
            return new ComputeStep();
        }
    }

    /** Computes the asset with Java code writing into {@link AssetContext#target()}. */
    public ComputeStep compute(AssetFunction function) {
        if (function == null) {
            problem("missing-compute", "Asset '" + key + "' has a null compute function.", "Pass a function.");
        }
        compute = function == null ? null : new Compute.Java(function);
        return new ComputeStep();
    }

    private ComputeStep setSql(String text, String origin) {
        if (text == null || text.isBlank()) {
            problem("invalid-sql", "Asset '" + key + "' has blank SQL (" + origin + ").", "Write a select statement.");
            return new ComputeStep();
        }
        try {
            SqlTemplate template = SqlTemplate.parse(text, key.mart());
            compute = new Compute.Sql(template, origin);
            for (AssetKey ref : template.refs()) {
                dependencies.add(new Dependency(ref, null, Dependency.Origin.SQL));
            }
            for (SourceKey src : template.sources()) {
                dependencies.add(new Dependency(src, null, Dependency.Origin.SQL));
            }
        } catch (IllegalArgumentException e) {
            problem("invalid-sql", "Asset '" + key + "' (" + origin + "): " + e.getMessage() + ".", "");
        }
        return new ComputeStep();
    }

    Asset build(List<Owner> martOwners) {
        checkConsistency();
        if (compute == null) {
            return null;
        }
        String version = codeVersion != null ? codeVersion : CodeVersions.of(this.compute, configuration(), definingClass);
        return new Asset(key, description, owners.isEmpty() ? martOwners : owners, exposed, dependencies, compute,
            materialization, partitions, partitionColumn, freshness, checks, columns, tags, version, automation, retry,
            timeout, location);
    }

    private void checkConsistency() {
        if (materialization == MaterializationKind.INCREMENTAL && partitions == null) {
            problem("materialization", "Asset '" + key + "' is incremental but has no partitions.",
                "Add .partitionedDaily(…), .partitionedHourly(…) or .partitionedBy(…), or make it a table.");
        }
        if (partitions != null && materialization != MaterializationKind.INCREMENTAL) {
            problem("materialization", "Asset '" + key + "' is partitioned but materialized as "
                + materialization.label() + "; each partition run would rebuild the whole " + materialization.label()
                + ".", "Add .incremental(\"<partition column>\") so each run replaces one partition.");
        }
        if (partitionColumn != null && !Identifiers.isIdentifier(partitionColumn)) {
            problem("invalid-column", "Asset '" + key + "' has partition column '" + partitionColumn
                + "', which is not a plain identifier.", "Name the column the partition is identified by.");
        }
        Set<String> checkNames = new HashSet<>();
        for (Check c : checks) {
            if (!checkNames.add(c.name())) {
                problem("duplicate-check", "Asset '" + key + "' has two checks named '" + c.name() + "'.",
                    "Drop the repeated check, or give a custom SQL check another name.");
            }
        }
        if (!columns.isEmpty()) {
            Set<String> names = new HashSet<>();
            columns.forEach(c -> names.add(c.name()));
            for (Check c : checks) {
                for (String col : checkedColumns(c)) {
                    if (!names.contains(col)) {
                        problem("unknown-column", "Asset '" + key + "' checks column '" + col
                            + "', which its contract does not declare (declared: " + String.join(", ", names) + ").",
                            "Declare the column with .column(\"" + col + "\", …) or fix the check.");
                    }
                }
            }
            if (partitionColumn != null && !names.contains(partitionColumn)) {
                problem("unknown-column", "Asset '" + key + "' is partitioned by column '" + partitionColumn
                    + "', which its contract does not declare.", "Declare the column or fix .incremental(…).");
            }
        }
    }

    private static List<String> checkedColumns(Check c) {
        return switch (c) {
            case Check.NotNull n -> List.of(n.column());
            case Check.Unique u -> u.columns();
            case Check.AcceptedValues a -> List.of(a.column());
            case Check.RowCount r -> List.of();
            case Check.CustomSql s -> List.of();
        };
    }

    private String configuration() {
        return materialization + "|" + (partitions == null ? "" : partitions.describe()) + "|" + partitionColumn + "|"
            + columns + "|" + checks;
    }
}
