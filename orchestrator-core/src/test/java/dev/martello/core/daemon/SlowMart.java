package dev.martello.core.daemon;

import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A mart for daemon tests in child processes: {@code slow/s} writes {@code entered} in the folder named by the
 * system property {@code martello.test.dir}, then waits until a file {@code release} appears there.
 */
public final class SlowMart implements MartDefinition {
    @Override
    public Mart define() {
        var mart = Mart.application("slow").owner("team:t");
        for (int i = 0; i < 10; i++) {
            mart.asset("q" + i, a -> a.compute(ctx -> ctx.execute("create table " + ctx.target() + " as select 1 as x")));
        }
        return mart
            .asset("s", a -> a.compute(ctx -> {
                Path dir = Path.of(System.getProperty("martello.test.dir"));
                Files.writeString(dir.resolve("entered"), "x");
                while (!Files.exists(dir.resolve("release"))) {
                    Thread.sleep(20);
                }
                ctx.execute("create table " + ctx.target() + " as select 1 as x");
            }))
            .build();
    }
}
