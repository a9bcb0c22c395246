package dev.martello.dsl;

/**
 * What an analyst implements to declare a mart; a workspace names these classes (or finds them with
 * {@link java.util.ServiceLoader}).
 *
 * <pre>{@code
 * public final class CommerceMart implements MartDefinition {
 *     @Override public Mart define() {
 *         return Mart.application("commerce").owner("team:commerce-data")
 *             .asset("orders", a -> a.sqlFile("orders.sql"))
 *             .build();
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MartDefinition {
    Mart define();
}
