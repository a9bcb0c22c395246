package dev.martello.cli.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code martello …} in a child JVM on the test classpath, its output read line by line as it comes, so a test can
 * wait for a point in the run and kill the process there with SIGKILL. Every wait is bounded.
 */
public final class Child implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Thread[] readers;

    private Child(Process process) {
        this.process = process;
        this.readers = new Thread[] {read(process.getInputStream(), out, "out"), read(process.getErrorStream(), err,
            "err")};
    }

    /** Starts {@code martello args…} with {@code env} added to this process's environment. */
    public static Child start(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
            "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
            // A short-lived CLI on a small machine: quick startup matters more than peak speed.
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
            "dev.martello.cli.Martello"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        try {
            return new Child(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits for a line of standard output matching {@code pattern}; fails if the child ends or time runs out. */
    public Matcher awaitOut(Pattern pattern) {
        return await(out, pattern);
    }

    /** Waits for a line of standard error matching {@code pattern}. */
    public Matcher awaitErr(Pattern pattern) {
        return await(err, pattern);
    }

    /** A question to the outside world, e.g. to the warehouse's sessions. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws SQLException;
    }

    /** Waits until {@code condition} holds; fails if the child ends first or time runs out. */
    public void awaitWhileAlive(String what, Condition condition) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("The child " + (process.isAlive() ? "timed out" : "ended") + " before "
                    + what + ".\n" + transcript());
            }
            pause(10);
        }
    }

    /** SIGKILL, asserting the child was still running: a kill after the end would prove nothing. */
    void kill() {
        assertThat(process.isAlive()).as("the child is still running when killed\n%s", transcript()).isTrue();
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the killed child ended").isTrue();
            for (Thread t : readers) {
                t.join(PATIENCE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(process.exitValue()).as("exit status of SIGKILL").isEqualTo(128 + 9);
    }

    /** SIGTERM: asks the child to stop (its shutdown hooks run), asserting it was still running. */
    public void terminate() {
        assertThat(process.isAlive()).as("the child is still running when terminated\n%s", transcript()).isTrue();
        // Through the handle: Process.destroy() would also close our ends of the child's pipes, losing what its
        // shutdown hooks print.
        assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
    }

    /** Waits for the child to end by itself and returns its exit code. */
    public int awaitExit() {
        try {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The child did not finish within " + PATIENCE + ".\n" + transcript());
            }
            for (Thread t : readers) {
                t.join(PATIENCE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String out() {
        synchronized (out) {
            return String.join("\n", out);
        }
    }

    public String err() {
        synchronized (err) {
            return String.join("\n", err);
        }
    }

    public String transcript() {
        return "--- stdout\n" + out() + "\n--- stderr\n" + err();
    }

    /** Ends the child if a failed assertion left it running, and logs what it said (in the test's report file). */
    @Override
    public void close() {
        process.destroyForcibly();
        String exit = process.isAlive() ? "-" : String.valueOf(process.exitValue());
        System.out.println("=== martello child " + process.pid() + " (exit " + exit + ")\n" + transcript());
    }

    private Matcher await(List<String> lines, Pattern pattern) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int seen = 0;
        while (true) {
            boolean ended = !process.isAlive() && !readers[0].isAlive() && !readers[1].isAlive();
            synchronized (lines) {
                for (; seen < lines.size(); seen++) {
                    Matcher m = pattern.matcher(lines.get(seen));
                    if (m.find()) {
                        return m;
                    }
                }
            }
            if (ended || System.nanoTime() > deadline) {
                throw new AssertionError("The child " + (process.isAlive() ? "timed out" : "ended") + " before a line"
                    + " matching '" + pattern + "'.\n" + transcript());
            }
            pause(5);
        }
    }

    private static Thread read(InputStream stream, List<String> lines, String name) {
        Thread t = Thread.ofPlatform().daemon().name("child-" + name).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // The child was killed mid-line; what was read is kept.
            }
        });
        return t;
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
