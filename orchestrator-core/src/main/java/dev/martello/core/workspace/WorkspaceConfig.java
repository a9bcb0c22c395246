package dev.martello.core.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contents of a {@code workspace.yaml}: which marts to load, the warehouse, the metadata store, the data
 * directory, the automation intervals, and for {@code martello serve} the schedules, the pools and the run queue's
 * settings. Paths are relative to the workspace folder (data files: to {@code dataDir}).
 */
public record WorkspaceConfig(
    @JsonProperty(required = true) String name,
    String description,
    @JsonProperty(required = true) MartsConfig marts,
    String dataDir,
    WarehouseConfig warehouse,
    MetadataConfig metadata,
    SeedConfig seed,
    List<ScheduleConfig> schedules,
    Map<String, PoolConfig> pools,
    RunsConfig runs,
    AutomationConfig automation) {

    @JsonCreator
    public WorkspaceConfig {
        description = description == null ? "" : description;
        dataDir = dataDir == null ? "data" : dataDir;
        warehouse = warehouse == null ? new WarehouseConfig(WarehouseConfig.Type.DUCKDB, null, null, null, null) : warehouse;
        metadata = metadata == null ? new MetadataConfig(MetadataConfig.Type.H2, null, null, null, null) : metadata;
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        pools = pools == null ? Map.of() : Map.copyOf(pools);
        runs = runs == null ? RunsConfig.DEFAULTS : runs;
        automation = automation == null ? new AutomationConfig(null, null) : automation;
    }

    /** A workspace without schedules, pools, run or automation settings (their defaults). */
    public WorkspaceConfig(String name, String description, MartsConfig marts, String dataDir,
                           WarehouseConfig warehouse, MetadataConfig metadata, SeedConfig seed) {
        this(name, description, marts, dataDir, warehouse, metadata, seed, null, null, null, null);
    }

    /**
     * Declarative automation in the daemon: how often the automation tick and freshness evaluation run, and how
     * often each source is polled for new data; durations like {@code 30s}, {@code 5m}, {@code 1h}.
     */
    public record AutomationConfig(String tickInterval, String sourcePollInterval) {
        private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

        public AutomationConfig {
            tickInterval = tickInterval == null ? "30s" : tickInterval;
            sourcePollInterval = sourcePollInterval == null ? "5m" : sourcePollInterval;
            duration("tickInterval", tickInterval);
            duration("sourcePollInterval", sourcePollInterval);
        }

        public Duration tick() {
            return duration("tickInterval", tickInterval);
        }

        public Duration sourcePoll() {
            return duration("sourcePollInterval", sourcePollInterval);
        }

        private static Duration duration(String field, String text) {
            Matcher m = DURATION.matcher(text.strip());
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new IllegalArgumentException("automation." + field + ": '" + text + "' is not a positive "
                    + "duration; write a number and a unit (ms, s, m or h), e.g. 30s, 5m or 1h");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }

    /**
     * Where the mart classes come from: extra classpath entries (folders or jars) and the class names; with no
     * class names, every {@code MartDefinition} registered for {@link java.util.ServiceLoader} is loaded.
     */
    public record MartsConfig(List<String> classpath, List<String> classes) {
        public MartsConfig {
            classpath = classpath == null ? List.of() : List.copyOf(classpath);
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

    /**
     * Generated source data for demos and tests: a {@code SourceSeed} class on the marts' classpath and a scale
     * (1 ≈ one million events).
     */
    public record SeedConfig(@JsonProperty(value = "class", required = true) String className, Double scale) {
        public SeedConfig {
            scale = scale == null ? 1.0 : scale;
        }
    }

    /**
     * The SQL warehouse assets are materialized in. Secrets are never in the file: a password comes from the
     * environment variable {@code passwordEnv} names; Snowflake's key-pair auth reads a private-key file named by
     * {@code privateKeyFile} or by the variable {@code privateKeyFileEnv}, its passphrase from
     * {@code privateKeyPasswordEnv}.
     *
     * @param account   Snowflake: the account identifier, e.g. {@code myorg-analytics}; the URL is derived from it
     * @param url       a JDBC URL; for Snowflake only where the account's host is not the default (private link,
     *                  or fakesnow on loopback)
     * @param warehouse Snowflake: the virtual warehouse that runs the queries
     * @param schemaPrefix Snowflake: prepended to every mart's schema, e.g. {@code dev_}
     * @param publish   Snowflake: {@code swap} (tables stay tables) or {@code view} (a view over versioned tables)
     */
    public record WarehouseConfig(Type type, String path, String url, String user, String passwordEnv,
                                  String account, String role, String warehouse, String database,
                                  String schemaPrefix, String privateKeyFile, String privateKeyFileEnv,
                                  String privateKeyPasswordEnv, Publish publish) {
        public enum Type { DUCKDB, H2, POSTGRES, SNOWFLAKE }

        public enum Publish { SWAP, VIEW }

        public WarehouseConfig {
            type = type == null ? Type.DUCKDB : type;
            path = path == null && type == Type.DUCKDB ? "warehouse.duckdb" : path;
            path = path == null && type == Type.H2 ? "warehouse" : path;
            publish = publish == null ? Publish.SWAP : publish;
        }

        public WarehouseConfig(Type type, String path, String url, String user, String passwordEnv) {
            this(type, path, url, user, passwordEnv, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Where runs, events and schedules are stored; credentials come from the environment variable named. */
    public record MetadataConfig(Type type, String path, String url, String user, String passwordEnv) {
        public enum Type { H2, POSTGRES }

        public MetadataConfig {
            type = type == null ? Type.H2 : type;
            path = path == null && type == Type.H2 ? "metadata" : path;
        }
    }
}
