package dev.martello.dsl;

import java.util.List;

/**
 * A named group of assets with a kind, owners and a description; the unit of ownership.
 *
 * <pre>{@code
 * Mart.application("commerce")
 *     .owner("team:commerce-data")
 *     .source("raw_commerce.orders", s -> s.loadedAt("_loaded_at"))
 *     .asset("orders", a -> a.exposed().sql("select * from {{ source('raw_commerce.orders') }}"))
 *     .build();
 * }</pre>
 *
 * @param producer the schema of the producer system whose sources an application mart exposes; null when not
 *                 stated (then inferred from its sources) or not an application mart
 */
public record Mart(String name, MartKind kind, List<Owner> owners, String description, String producer,
                   List<Source> sources, List<Asset> assets, Location location) {

    public Mart {
        owners = List.copyOf(owners);
        sources = List.copyOf(sources);
        assets = List.copyOf(assets);
        description = description == null ? "" : description;
    }

    /** Starts an application mart: one producer's data, no outside logic. */
    public static MartBuilder application(String name) {
        return new MartBuilder(name, MartKind.APPLICATION, Location.ofCaller(), Location.callerClass());
    }

    /** Starts an integrated mart: sources and other marts' exposed assets, integrated. */
    public static MartBuilder integrated(String name) {
        return new MartBuilder(name, MartKind.INTEGRATED, Location.ofCaller(), Location.callerClass());
    }

    /** Starts a project mart: short-lived, loose SLAs, nothing outside may depend on it. */
    public static MartBuilder project(String name) {
        return new MartBuilder(name, MartKind.PROJECT, Location.ofCaller(), Location.callerClass());
    }
}
