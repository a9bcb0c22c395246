package dev.martello.core.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon is killed with SIGKILL while a run executes, then started again: with {@code onInterrupted: requeue}
 * the run is queued again and finishes; nothing is lost and nothing runs twice.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class ServeRestartTest {
    @TempDir
    Path dir;

    Process child(String mode) throws IOException {
        return new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
            "-Dmartello.test.dir=" + dir, "-cp", System.getProperty("java.class.path"), DaemonChild.class.getName(),
            mode, dir.toString())
            .redirectError(dir.resolve(mode + ".err").toFile())
            .start();
    }

    @Test
    void aRunInterruptedBySigkillIsRequeuedAndFinishesAfterTheRestart() throws Exception {
        Files.writeString(dir.resolve("workspace.yaml"), """
            name: restart
            marts:
              classes: [dev.martello.core.daemon.SlowMart]
            runs:
              onInterrupted: requeue
            """);
        Process first = child("submit");
        String submitted;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream()))) {
            submitted = out.readLine();
            while (submitted != null && submitted.startsWith("TICK ")) {
                submitted = out.readLine();
            }
            assertThat(submitted).as("child stderr: %s", dir.resolve("submit.err")).startsWith("SUBMITTED ");
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "drain");
            drain.setDaemon(true);
            drain.start();
            while (!Files.exists(dir.resolve("entered"))) {
                Thread.sleep(20);
            }
            first.destroyForcibly(); // SIGKILL mid-run
            first.waitFor();
        }
        String runId = submitted.substring("SUBMITTED ".length());
        Files.writeString(dir.resolve("release"), "x");

        Process second = child("resume");
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(second.getInputStream()))) {
            lines = out.lines().filter(l -> l.startsWith("RUN ")).toList();
        }
        assertThat(second.waitFor()).as("child stderr: %s", Files.readString(dir.resolve("resume.err"))).isZero();
        assertThat(lines).containsExactly("RUN " + runId + " SUCCEEDED manual");
    }
}
