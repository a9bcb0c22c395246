package dev.martello.bench;

import dev.martello.core.execution.RunListener;
import dev.martello.core.execution.RunOptions;
import dev.martello.core.execution.RunResult;
import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.planning.Plan;
import dev.martello.core.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Materializes a {@link SyntheticDag} through the real engine ({@link WorkspaceRuntime}: DuckDB file warehouse, H2
 * file metadata store, as {@code martello materialize} does) and compares it with the floor, the same rendered SQL
 * issued directly ({@link DirectSql}). One fresh JVM per shape (see {@code run-engine-benchmark.sh}).
 *
 * <p>Protocol: the first engine run (cold JIT, tables missing) is timed alone; one warm-up of each variant; then
 * {@code --runs} rounds, each running every variant once in turn (so load from other jobs falls on all of them), and
 * the medians of those rounds are compared.
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' dev.martello.bench.EngineDagBenchmark chain 1000 --runs 5</pre>
 */
public final class EngineDagBenchmark {

    private EngineDagBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: EngineDagBenchmark chain|wide <assets> [--runs n]");
            System.exit(2);
        }
        SyntheticDag dag = new SyntheticDag(SyntheticDag.Shape.parse(args[0]), Integer.parseInt(args[1]));
        int runs = args.length >= 4 && args[2].equals("--runs") ? Integer.parseInt(args[3]) : 5;
        Path dir = Files.createTempDirectory("martello-bench-dag-");
        try {
            run(dag, dir, runs);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(SyntheticDag dag, Path dir, int runs) {
        System.out.println("== " + dag.shape() + " of " + dag.size() + " assets; load average before: "
            + Stopwatch.loadAverage());
        Workspace workspace = dag.workspace(dir);
        if (!workspace.problems().isEmpty()) {
            throw new IllegalStateException("the synthetic DAG has problems: " + workspace.problems());
        }
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(workspace,
                RuntimeSettings.defaults().withSeedSources(false))) {
            Plan plan = runtime.plan("*", PartitionChoice.latest());
            System.out.println("warehouse: " + EngineVersion.of(runtime.warehouse()));
            Stopwatch.Sample first = Stopwatch.time(() -> engine(runtime, dag, 1));
            System.out.printf(Locale.ROOT, "first engine run (fresh JVM, tables missing, parallelism 1): %.0f ms wall,"
                + " %.0f ms CPU%n", first.wallMs(), first.cpuMs());

            Stopwatch.Series engine1 = new Stopwatch.Series();
            Stopwatch.Series engine4 = new Stopwatch.Series();
            Stopwatch.Series publish = new Stopwatch.Series();
            Stopwatch.Series bare = new Stopwatch.Series();
            for (int round = 0; round <= runs; round++) {
                Stopwatch.Sample e1 = Stopwatch.time(() -> engine(runtime, dag, 1));
                Stopwatch.Sample e4 = Stopwatch.time(() -> engine(runtime, dag, 4));
                Stopwatch.Sample p = Stopwatch.time(() -> floor(runtime, plan, dag, DirectSql.Mode.PUBLISH));
                Stopwatch.Sample b = Stopwatch.time(() -> floor(runtime, plan, dag, DirectSql.Mode.BARE));
                if (round > 0) { // round 0 is the warm-up
                    engine1.add(e1);
                    engine4.add(e4);
                    publish.add(p);
                    bare.add(b);
                }
            }
            System.out.println("engine, parallelism 1: " + engine1.describe());
            System.out.println("engine, parallelism 4: " + engine4.describe());
            System.out.println("floor, same publish statements: " + publish.describe());
            System.out.println("floor, create or replace: " + bare.describe());
            double floor = publish.wall().median();
            for (var e : new Object[][] {{"1", engine1}, {"4", engine4}}) {
                Stopwatch.Series s = (Stopwatch.Series) e[1];
                System.out.printf(Locale.ROOT, "parallelism %s: %.2f× the publish floor (%.2f× bare), overhead %.2f ms"
                        + " per asset wall (%.2f ms CPU) over the publish floor%n", e[0], s.wall().median() / floor,
                    s.wall().median() / bare.wall().median(), (s.wall().median() - floor) / dag.size(),
                    (s.cpu().median() - publish.cpu().median()) / dag.size());
            }
            System.out.println("load average after: " + Stopwatch.loadAverage());
        }
    }

    /** One run of the whole DAG; fails loudly unless every step succeeded and the last table holds the right row. */
    private static void engine(WorkspaceRuntime runtime, SyntheticDag dag, int parallelism) {
        RunResult result = runtime.materialize("*", PartitionChoice.latest(),
            RunOptions.manual().withParallelism(parallelism), RunListener.NONE);
        if (!result.succeeded() || result.steps().size() != dag.size()) {
            throw new IllegalStateException("the engine run did not succeed: " + result.run().message());
        }
        verify(runtime, dag);
    }

    private static void floor(WorkspaceRuntime runtime, Plan plan, SyntheticDag dag, DirectSql.Mode mode) {
        DirectSql.run(runtime.warehouse(), plan, mode);
        verify(runtime, dag);
    }

    /** The last asset's one row: its depth is its distance from the root. */
    private static void verify(WorkspaceRuntime runtime, SyntheticDag dag) {
        int last = dag.size() - 1;
        long expected = dag.shape() == SyntheticDag.Shape.CHAIN ? last : 1;
        try (Connection c = runtime.warehouse().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), max(depth) from " + SyntheticDag.MART + "."
                 + SyntheticDag.name(last))) {
            rs.next();
            if (rs.getLong(1) != 1 || rs.getLong(2) != expected) {
                throw new IllegalStateException("table " + SyntheticDag.name(last) + " holds " + rs.getLong(1)
                    + " rows of depth " + rs.getLong(2) + ", expected 1 of depth " + expected);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("checking the result failed: " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
