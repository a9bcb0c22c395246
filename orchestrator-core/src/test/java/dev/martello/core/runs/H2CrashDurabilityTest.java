package dev.martello.core.runs;

import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL keeps every run it had committed: H2 by default writes commits to its file up to a
 * second later, which lost them all.
 */
class H2CrashDurabilityTest {
    @TempDir
    Path dataDir;

    @Test
    void runsCommittedBeforeASigkillAreStillThere() throws Exception {
        Path file = dataDir.resolve("metadata");
        int committed = killAfter(Writer.class, file, 300);
        assertThat(committed).as("the child committed runs before it was killed").isEqualTo(300);

        try (RunStore store = MetadataStores.h2(file)) {
            assertThat(store.runs(100_000).size()).isGreaterThanOrEqualTo(committed + 1);
        }
    }

    /**
     * The event log's ids come from a cache of 1,000 (migration V4): after a SIGKILL in the middle of it, every
     * committed batch is still there in order, and new events get ids above all of them instead of reusing one.
     */
    @Test
    void eventsCommittedBeforeASigkillKeepTheirOrderAndNewOnesGetFreshIds() throws Exception {
        Path file = dataDir.resolve("metadata");
        // 400 batches of 7: past two refills of the id cache
        int committed = killAfter(EventWriter.class, file, 400);
        assertThat(committed).as("the child committed event batches before it was killed").isEqualTo(400);

        try (RunStore store = MetadataStores.h2(file)) {
            String runId = store.runs(1).getFirst().id();
            List<String> before = messages(store.events(runId));
            assertThat(before.size()).isGreaterThanOrEqualTo((committed + 1) * EventWriter.BATCH);
            assertThat(before.subList(0, (committed + 1) * EventWriter.BATCH))
                .isEqualTo(IntStream.range(0, (committed + 1) * EventWriter.BATCH).mapToObj(i -> "line " + i).toList());

            store.appendEvents(EventWriter.batch(runId, "after restart ", 0, 2_500));
            List<String> after = messages(store.events(runId));
            assertThat(after).hasSize(before.size() + 2_500);
            assertThat(after.subList(0, before.size())).isEqualTo(before);
            assertThat(after.getLast()).isEqualTo("after restart 2499");
        }
    }

    /**
     * Starts {@code writer}'s main on {@code file} in a child JVM and kills it with SIGKILL, while it keeps writing,
     * once it has printed {@code committed <n>}; returns the last count it printed.
     */
    private static int killAfter(Class<?> writer, Path file, int n) throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
            "-cp", System.getProperty("java.class.path"), writer.getName(), file.toString())
            .redirectErrorStream(true)
            .start();
        int committed = -1;
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("committed ")) {
                    committed = Integer.parseInt(line.substring("committed ".length()));
                    if (committed == n) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        return committed;
    }

    private static List<String> messages(List<RunEvent> events) {
        return events.stream().map(e -> ((RunEvent.Log) e).message()).toList();
    }

    /** The child process for events: appends batches of {@link #BATCH} log lines and says so after each commit. */
    public static final class EventWriter {
        static final int BATCH = 7;

        public static void main(String[] args) {
            RunStore store = MetadataStores.h2(Path.of(args[0]));
            Run run = Run.queued("demo", "commerce/orders", List.of(), "manual");
            store.createRun(run);
            for (int i = 0; ; i++) {
                store.appendEvents(batch(run.id(), "line ", i * BATCH, BATCH));
                System.out.println("committed " + i);
                System.out.flush();
            }
        }

        static List<RunEvent> batch(String runId, String prefix, int from, int count) {
            Instant at = Instant.now();
            return IntStream.range(from, from + count).<RunEvent>mapToObj(i ->
                new RunEvent.Log(runId, at, null, "", RunEvent.Log.Level.INFO, prefix + i)).toList();
        }
    }

    /** The child process: commits runs one by one and says so after each commit. */
    public static final class Writer {
        public static void main(String[] args) {
            RunStore store = MetadataStores.h2(Path.of(args[0]));
            for (int i = 0; ; i++) {
                store.createRun(Run.queued("demo", "commerce/orders", List.of(), "manual"));
                System.out.println("committed " + i);
                System.out.flush();
            }
        }
    }
}
