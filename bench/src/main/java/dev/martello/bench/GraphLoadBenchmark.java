package dev.martello.bench;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.graph.GraphLoader;
import dev.martello.core.graph.GraphValidator;
import dev.martello.core.graph.LoadedGraph;
import dev.martello.core.selection.Selections;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Problem;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times defining, loading and validating a synthetic workspace of one size, then two selections on it, and the heap
 * the loaded graph holds; prints one Markdown table row. Run one size per JVM (see {@code run-graph-benchmark.sh})
 * so the garbage and JIT state of a smaller size do not colour a larger one.
 *
 * <pre>
 * java -Xmx2g -cp 'bench/target/classes:bench/target/lib/*' dev.martello.bench.GraphLoadBenchmark 10000
 * java -cp … dev.martello.bench.GraphLoadBenchmark --header
 * </pre>
 */
public final class GraphLoadBenchmark {
    private static final int SELECTION_WARMUP = 50;
    private static final int SELECTION_RUNS = 21;
    // CPU time of the loading thread, which other processes on a shared machine do not inflate (GC threads aside).
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GraphLoadBenchmark() {
    }

    /** What one size measured; times in milliseconds. */
    private record Result(int assets, int marts, long edges, Timing load, Timing loadCpu, double cold,
                          Timing define, Timing build, Timing validate, String deep, Timing deepSelect,
                          int deepNodes, String filter, Timing filterSelect, int filterNodes, LoadedGraph loaded) {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--header")) {
            System.out.println("| assets | marts | edges | load+validate median ms | min ms | main-thread CPU ms"
                + " | first load in a fresh JVM ms | define / build graph / validate ms (medians)"
                + " | `+<deep asset>` ms (nodes) | `mart:<m> and tag:<t>` ms (nodes) | heap after load MiB |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            return;
        }
        if (args.length < 1) {
            System.err.println("usage: GraphLoadBenchmark <assets> [--warmup n] [--runs n] | --header");
            System.exit(2);
        }
        int assets = Integer.parseInt(args[0].replace("_", ""));
        int warmup = option(args, "--warmup", assets >= 100_000 ? 3 : assets >= 10_000 ? 10 : 30);
        int runs = option(args, "--runs", 7);
        long baseline = Heap.used();
        Result r = measure(assets, warmup, runs);
        // Only the loaded graph is reachable now: the generator and its definitions are garbage.
        long heap = Heap.used();
        Reference.reachabilityFence(r.loaded());
        System.err.printf(Locale.ROOT, "heap: %.1f MiB used after load, %.1f MiB before generating (JVM baseline)%n",
            Heap.mib(heap), Heap.mib(baseline));
        System.out.printf(Locale.ROOT, "| %,d | %d | %,d | %.0f | %.0f | %.0f | %.0f | %.0f / %.0f / %.0f"
                + " | %.2f (%,d) | %.2f (%,d) | %.0f |%n",
            r.assets(), r.marts(), r.edges(), r.load().median(), r.load().min(), r.loadCpu().median(), r.cold(),
            r.define().median(), r.build().median(), r.validate().median(), r.deepSelect().median(), r.deepNodes(),
            r.filterSelect().median(), r.filterNodes(), Heap.mib(heap));
    }

    private static Result measure(int assets, int warmup, int runs) {
        long t = System.nanoTime();
        SyntheticMarts workspace = SyntheticMarts.generate(assets);
        List<MartDefinition> definitions = workspace.definitions();
        System.err.printf(Locale.ROOT, "%,d assets in %d marts, %,d edges; generated in %.0f ms; warm-up %d, runs %d%n",
            assets, workspace.martCount(), workspace.edgeCount(), Timing.ms(System.nanoTime() - t), warmup, runs);

        t = System.nanoTime();
        requireValid(GraphLoader.load(definitions));
        double cold = Timing.ms(System.nanoTime() - t);
        for (int i = 0; i < warmup; i++) {
            requireValid(GraphLoader.load(definitions));
        }
        double[] cpu = new double[runs];
        int[] run = {0};
        Timing load = Timing.of(runs, () -> {
            long c = THREADS.getCurrentThreadCpuTime();
            requireValid(GraphLoader.load(definitions));
            cpu[run[0]++] = Timing.ms(THREADS.getCurrentThreadCpuTime() - c);
        });
        Timing loadCpu = Timing.of(cpu);
        System.err.printf(Locale.ROOT, "load+validate: first %.0f ms; runs %s ms; main-thread CPU %s ms%n", cold,
            load.runs(), loadCpu.runs());

        // The same work in its three phases, to show where the time goes.
        double[] define = new double[runs];
        double[] build = new double[runs];
        double[] validate = new double[runs];
        for (int r = 0; r < runs; r++) {
            Heap.collect();
            long t0 = System.nanoTime();
            List<Mart> marts = new ArrayList<>(definitions.size());
            for (MartDefinition d : definitions) {
                marts.add(d.define());
            }
            long t1 = System.nanoTime();
            AssetGraph graph = AssetGraph.of(marts);
            long t2 = System.nanoTime();
            List<Problem> problems = new GraphValidator().validate(graph);
            long t3 = System.nanoTime();
            requireValid(new LoadedGraph(graph, problems));
            define[r] = Timing.ms(t1 - t0);
            build[r] = Timing.ms(t2 - t1);
            validate[r] = Timing.ms(t3 - t2);
        }

        LoadedGraph loaded = requireValid(GraphLoader.load(definitions));
        AssetGraph graph = loaded.graph();
        String deep = "+" + workspace.deepAssetKey();
        String filter = "mart:" + workspace.sampleMart() + " and tag:" + workspace.sampleTag();
        Timing deepSelect = selection(graph, deep);
        Timing filterSelect = selection(graph, filter);
        int deepNodes = Selections.select(graph, deep).cardinality();
        int filterNodes = Selections.select(graph, filter).cardinality();
        System.err.printf(Locale.ROOT, "selections: '%s' -> %,d nodes; '%s' -> %,d nodes%n", deep, deepNodes, filter,
            filterNodes);
        return new Result(assets, workspace.martCount(), workspace.edgeCount(), load, loadCpu, cold,
            Timing.of(define), Timing.of(build), Timing.of(validate), deep, deepSelect, deepNodes, filter,
            filterSelect, filterNodes, loaded);
    }

    private static Timing selection(AssetGraph graph, String expression) {
        Supplier<BitSet> select = () -> Selections.select(graph, expression);
        int sink = 0;
        for (int i = 0; i < SELECTION_WARMUP; i++) {
            sink += select.get().cardinality();
        }
        double[] times = new double[SELECTION_RUNS];
        for (int i = 0; i < SELECTION_RUNS; i++) {
            long t = System.nanoTime();
            sink += select.get().cardinality();
            times[i] = Timing.ms(System.nanoTime() - t);
        }
        if (sink < 0) {
            System.err.println(sink);
        }
        return Timing.of(times);
    }

    private static LoadedGraph requireValid(LoadedGraph loaded) {
        if (!loaded.valid()) {
            System.err.println("The synthetic workspace has " + loaded.problems().size() + " problem(s); first ones:");
            loaded.problems().stream().limit(10).forEach(p -> System.err.println("  " + p.render()));
            System.exit(1);
        }
        return loaded;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
