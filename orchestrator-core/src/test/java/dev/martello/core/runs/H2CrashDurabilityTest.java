package dev.martello.core.runs;

import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
            "-cp", System.getProperty("java.class.path"), Writer.class.getName(), file.toString())
            .redirectErrorStream(true)
            .start();
        int committed = -1;
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("committed ")) {
                    committed = Integer.parseInt(line.substring("committed ".length()));
                    if (committed == 300) {
                        child.destroyForcibly(); // SIGKILL, while the child keeps writing
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(committed).as("the child committed runs before it was killed").isEqualTo(300);

        try (RunStore store = MetadataStores.h2(file)) {
            assertThat(store.runs(100_000).size()).isGreaterThanOrEqualTo(committed + 1);
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
