package dev.martello.bench;

import dev.martello.core.execution.RunListener;
import dev.martello.core.execution.RunOptions;
import dev.martello.core.execution.RunResult;
import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.StepResult;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.planning.Plan;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.core.workspace.WorkspaceLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * Materializes the whole demo workspace at a given seed scale through the engine, as {@code martello materialize}
 * does, and compares it with {@link DemoFloor}, the same rendered SQL run directly in dependency order. The sources
 * are seeded once into a temporary data directory; the seed is timed on its own and is in neither figure.
 *
 * <p>Protocol: the first engine run (tables missing) is timed alone; then {@code --runs} rounds of engine
 * (parallelism 4, the CLI default), engine (parallelism 1), floor, and floor with the declared checks run one query
 * each (as {@code dbt build} would), one after the other; medians are compared. The
 * tables each variant leaves must have the same row counts.
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' dev.martello.bench.DemoBenchmark workspaces/demo 10 --runs 3</pre>
 */
public final class DemoBenchmark {

    private DemoBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DemoBenchmark <workspace dir> <scale> [--runs n]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        double scale = Double.parseDouble(args[1]);
        int runs = args.length >= 4 && args[2].equals("--runs") ? Integer.parseInt(args[3]) : 3;
        Path data = Files.createTempDirectory("martello-bench-demo-");
        try {
            run(withData(new WorkspaceLoader().load(dir), data, scale), runs);
        } finally {
            EngineDagBenchmark.deleteTree(data);
        }
    }

    /** The loaded workspace with its data directory and seed scale replaced. */
    private static Workspace withData(Workspace ws, Path data, double scale) {
        if (!ws.problems().isEmpty()) {
            throw new IllegalStateException("workspace " + ws.dir() + " has problems (build the marts first: mvn -q"
                + " -pl marts -am package -DskipTests): " + ws.problems());
        }
        WorkspaceConfig c = ws.config();
        if (c.seed() == null) {
            throw new IllegalStateException("workspace " + ws.dir() + " names no seed in workspace.yaml");
        }
        WorkspaceConfig config = new WorkspaceConfig(c.name(), c.description(), c.marts(),
            data.toAbsolutePath().toString(), c.warehouse(), c.metadata(),
            new WorkspaceConfig.SeedConfig(c.seed().className(), scale), c.schedules(), c.pools(), c.runs(),
            c.automation());
        return new Workspace(ws.dir(), config, ws.loaded(), ws.classLoader());
    }

    private static void run(Workspace ws, int runs) {
        System.out.println("== demo workspace, " + ws.graph().assets().size() + " assets, seed scale "
            + ws.config().seed().scale() + "; load average before: " + Stopwatch.loadAverage());
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(ws, RuntimeSettings.defaults().withSeedSources(false))) {
            Stopwatch.Sample seed = Stopwatch.time(runtime::seed);
            System.out.printf(Locale.ROOT, "seed: %.1f s wall, %.1f s CPU (not part of either figure); load average"
                + " now %s%n", seed.wallMs() / 1000, seed.cpuMs() / 1000, Stopwatch.loadAverage());
            Plan plan = runtime.plan("*", PartitionChoice.latest());
            System.out.println("warehouse: " + EngineVersion.of(runtime.warehouse()));
            Stopwatch.Sample first = Stopwatch.time(() -> engine(runtime, 4));
            System.out.printf(Locale.ROOT, "first engine run (tables missing, parallelism 4): %.0f ms wall, %.0f ms"
                + " CPU; %d steps%n", first.wallMs(), first.cpuMs(), plan.steps().size());
            Map<String, Long> expected = DemoFloor.rowCounts(runtime.warehouse(), plan);

            Stopwatch.Series engine4 = new Stopwatch.Series();
            Stopwatch.Series engine1 = new Stopwatch.Series();
            Stopwatch.Series floor = new Stopwatch.Series();
            Stopwatch.Series checkedFloor = new Stopwatch.Series();
            for (int round = 1; round <= runs; round++) {
                engine4.add(Stopwatch.time(() -> engine(runtime, 4)));
                same(expected, DemoFloor.rowCounts(runtime.warehouse(), plan), "engine");
                engine1.add(Stopwatch.time(() -> engine(runtime, 1)));
                int r = round;
                floor.add(Stopwatch.time(() -> DemoFloor.run(runtime.warehouse(), plan, "floor" + r)));
                same(expected, DemoFloor.rowCounts(runtime.warehouse(), plan), "floor");
                checkedFloor.add(Stopwatch.time(() -> DemoFloor.run(runtime.warehouse(), plan, "checked" + r, true)));
                same(expected, DemoFloor.rowCounts(runtime.warehouse(), plan), "floor with checks");
            }
            System.out.println("engine, parallelism 4: " + engine4.describe());
            System.out.println("engine, parallelism 1: " + engine1.describe());
            System.out.println("floor (direct SQL, one connection): " + floor.describe());
            System.out.println("floor with checks (direct SQL, then one query per declared check): "
                + checkedFloor.describe());
            ratios("the floor", engine4, engine1, floor);
            ratios("the floor with checks", engine4, engine1, checkedFloor);
            System.out.println("load average after: " + Stopwatch.loadAverage());
        }
    }

    private static void ratios(String what, Stopwatch.Series engine4, Stopwatch.Series engine1,
                               Stopwatch.Series floor) {
        System.out.printf(Locale.ROOT, "ratio to %s, wall medians: %.2f× (parallelism 4), %.2f× (parallelism 1);"
                + " CPU medians: %.2f×, %.2f×%n", what, engine4.wall().median() / floor.wall().median(),
            engine1.wall().median() / floor.wall().median(), engine4.cpu().median() / floor.cpu().median(),
            engine1.cpu().median() / floor.cpu().median());
    }

    private static void engine(WorkspaceRuntime runtime, int parallelism) {
        RunResult result = runtime.materialize("*", PartitionChoice.latest(),
            RunOptions.manual().withParallelism(parallelism), RunListener.NONE);
        if (!result.succeeded()) {
            throw new IllegalStateException("the demo run failed: " + result.steps().stream()
                .filter(s -> s.failure() != null).map(s -> s.label() + ": " + s.message()).toList());
        }
        if (Boolean.getBoolean("bench.steps")) {
            result.steps().stream().sorted(Comparator.comparingLong(StepResult::durationMs).reversed())
                .forEach(s -> System.out.printf(Locale.ROOT, "  %6d ms  %s%n", s.durationMs(), s.label()));
        }
    }

    private static void same(Map<String, Long> expected, Map<String, Long> actual, String who) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the " + who + " left other row counts than the first run: " + actual
                + " instead of " + expected);
        }
    }
}
