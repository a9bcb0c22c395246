package dev.martello.core.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The contents of a {@code workspace.yaml}: which marts to load, the warehouse, the metadata store, the data
 * directory, and for {@code martello serve} the schedules, the pools and the run queue's settings. Paths are relative to the workspace folder (data files: to {@code dataDir}).
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
    RunsConfig runs) {

    @JsonCreator
    public WorkspaceConfig {
        description = description == null ? "" : description;
        dataDir = dataDir == null ? "data" : dataDir;
        warehouse = warehouse == null ? new WarehouseConfig(WarehouseConfig.Type.DUCKDB, null, null, null, null) : warehouse;
        metadata = metadata == null ? new MetadataConfig(MetadataConfig.Type.H2, null, null, null, null) : metadata;
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        pools = pools == null ? Map.of() : Map.copyOf(pools);
        runs = runs == null ? RunsConfig.DEFAULTS : runs;
    }

    /** A workspace without schedules, pools or run settings (their defaults). */
    public WorkspaceConfig(String name, String description, MartsConfig marts, String dataDir,
                           WarehouseConfig warehouse, MetadataConfig metadata, SeedConfig seed) {
        this(name, description, marts, dataDir, warehouse, metadata, seed, null, null, null);
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

    /** The SQL warehouse assets are materialized in; credentials come from the environment variable named. */
    public record WarehouseConfig(Type type, String path, String url, String user, String passwordEnv) {
        public enum Type { DUCKDB, H2, POSTGRES, SNOWFLAKE }

        public WarehouseConfig {
            type = type == null ? Type.DUCKDB : type;
            path = path == null && type == Type.DUCKDB ? "warehouse.duckdb" : path;
            path = path == null && type == Type.H2 ? "warehouse" : path;
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
