package dev.martello.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock time and the CPU time of the whole process (every thread: the JVM's, DuckDB's and H2's), so a figure
 * taken on a machine other jobs load can be told apart from one the work itself made slow: the CPU time is not
 * inflated by waiting for a core.
 */
final class Stopwatch {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One measurement, in milliseconds. */
    record Sample(double wallMs, double cpuMs) {
    }

    /** Repeated measurements of one thing, summarised by their medians. */
    static final class Series {
        private final List<Double> wall = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();

        void add(Sample s) {
            wall.add(s.wallMs());
            cpu.add(s.cpuMs());
        }

        Timing wall() {
            return Timing.of(wall.stream().mapToDouble(Double::doubleValue).toArray());
        }

        Timing cpu() {
            return Timing.of(cpu.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** {@code 812 ms (min 790, CPU 1,020)}. */
        String describe() {
            return String.format(Locale.ROOT, "%.0f ms wall median (min %.0f; runs %s), %.0f ms process CPU median",
                wall().median(), wall().min(), wall().runs(), cpu().median());
        }
    }

    private Stopwatch() {
    }

    static Sample time(Runnable action) {
        long cpu = OS.getProcessCpuTime();
        long t = System.nanoTime();
        action.run();
        return new Sample(Timing.ms(System.nanoTime() - t), Timing.ms(OS.getProcessCpuTime() - cpu));
    }

    /** The 1-, 5- and 15-minute load averages, e.g. {@code 0.62 1.27 1.58}. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)", OS.getSystemLoadAverage());
        }
    }
}
