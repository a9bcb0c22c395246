package dev.martello.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The fluent declaration of one {@link Mart}. Collects every mistake and reports them all from {@link #build()}.
 *
 * <p>{@code Mart.integrated("core").owner("team:core-data").asset("dau", a -> a.sqlFile("dau.sql")).build()}
 */
public final class MartBuilder {
    private final MartKind kind;
    private final Location location;
    private final Class<?> definingClass;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Owner> owners = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private final List<AssetBuilder> assets = new ArrayList<>();
    private final String name;
    private String description = "";
    private String producer;

    MartBuilder(String rawName, MartKind kind, Location location, Class<?> definingClass) {
        this.kind = kind;
        this.location = location;
        this.definingClass = definingClass;
        String n = Identifiers.normalise(rawName);
        if (!Identifiers.isIdentifier(n)) {
            problems.add(new Problem("invalid-name", "mart '" + rawName + "'", location,
                "Mart name '" + rawName + "' is " + (n.isEmpty() ? "blank" : "not a plain identifier") + ".",
                "Use letters, digits and underscores, starting with a letter: it becomes a warehouse schema."));
            n = "invalid_mart";
        }
        this.name = n;
    }

    /** Adds owners: {@code team:name} or e-mail addresses. Assets inherit them unless they name their own. */
    public MartBuilder owner(String... values) {
        for (String v : values) {
            try {
                owners.add(Owner.parse(v));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("invalid-owner", "mart '" + name + "'", Location.ofCaller(),
                    "Mart '" + name + "' has an invalid " + e.getMessage() + ".", ""));
            }
        }
        return this;
    }

    public MartBuilder describedAs(String text) {
        this.description = text;
        return this;
    }

    /**
     * The schema of the producer system whose sources an application mart exposes, e.g. {@code raw_commerce};
     * inferred from the mart's sources when not stated.
     */
    public MartBuilder producer(String schema) {
        this.producer = Identifiers.normalise(schema);
        return this;
    }

    /** Declares a source table, {@code schema.table}, with no options. */
    public MartBuilder source(String key) {
        return source(key, s -> { });
    }

    /** Declares a source table, {@code schema.table}. */
    public MartBuilder source(String key, Consumer<SourceBuilder> definition) {
        Location at = Location.ofCaller();
        try {
            SourceBuilder b = new SourceBuilder(SourceKey.parse(key), at, problems);
            definition.accept(b);
            sources.add(b.build());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("invalid-key", "source '" + key + "'", at,
                "Source '" + key + "' in mart '" + name + "': " + e.getMessage() + ".", ""));
        }
        return this;
    }

    /**
     * Declares an asset of this mart; {@code name} is the table name (or {@code mart/name} with this mart).
     * The definition ends with its compute: {@code sql(…)}, {@code sqlFile(…)} or {@code compute(…)}.
     */
    public MartBuilder asset(String name, Function<AssetBuilder, AssetBuilder.ComputeStep> definition) {
        Location at = Location.ofCaller();
        AssetKey key;
        try {
            key = AssetKey.parse(name, this.name);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("invalid-key", "asset '" + name + "'", at,
                "Asset '" + name + "' in mart '" + this.name + "': " + e.getMessage() + ".", ""));
            return this;
        }
        if (!key.mart().equals(this.name)) {
            problems.add(new Problem("invalid-key", key.toString(), at,
                "Asset '" + key + "' is declared in mart '" + this.name + "'.",
                "Declare it in mart '" + key.mart() + "', or name it '" + this.name + "/" + key.name() + "'."));
            return this;
        }
        AssetBuilder b = new AssetBuilder(key, at, definingClass, problems);
        AssetBuilder.ComputeStep step;
        try {
            step = definition.apply(b);
        } catch (RuntimeException e) {
            // e.g. ZoneId.of("Bad/Zone") inside AutomationPolicy.onCron(…): report it against this asset.
            b.problem("invalid-declaration", "Asset '" + key + "' could not be declared: " + e.getClass().getSimpleName()
                + ": " + e.getMessage() + ".", "Fix the value passed in its declaration.");
            return this;
        }
        if (step == null) {
            b.problem("missing-compute", "Asset '" + key + "' has no compute.",
                "End its definition with .sql(…), .sqlFile(…) or .compute(…).");
        }
        assets.add(b);
        return this;
    }

    /** Builds the mart, or throws {@link DefinitionException} with every problem found in it. */
    public Mart build() {
        List<Asset> built = new ArrayList<>(assets.size());
        for (AssetBuilder a : assets) {
            Asset asset = a.build(owners);
            if (asset != null) {
                built.add(asset);
            }
        }
        Mart mart = new Mart(name, kind, owners, description, producer, sources, built, location);
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems, mart);
        }
        return mart;
    }
}
