package dev.martello.dsl;

/**
 * Java code that computes an asset through its {@link AssetContext}.
 *
 * <p>{@code .compute(ctx -> ctx.execute("insert into " + ctx.target() + " select 1"))}
 */
@FunctionalInterface
public interface AssetFunction {
    void compute(AssetContext context) throws Exception;
}
