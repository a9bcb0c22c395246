package dev.martello.core.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code automation:} section of {@code workspace.yaml}. */
class AutomationConfigTest {
    @TempDir
    Path dir;

    WorkspaceConfig read(String yaml) throws IOException {
        Path file = dir.resolve("workspace.yaml");
        Files.writeString(file, yaml);
        return new WorkspaceConfigReader().read(file);
    }

    @Test
    void defaultsWhenAbsentAndParsesDurations() throws IOException {
        WorkspaceConfig defaults = read("name: w\nmarts: {}\n");
        assertThat(defaults.automation().tick()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.automation().sourcePoll()).isEqualTo(Duration.ofMinutes(5));

        WorkspaceConfig set = read("name: w\nmarts: {}\nautomation:\n  tickInterval: 10s\n  sourcePollInterval: 1h\n");
        assertThat(set.automation().tick()).isEqualTo(Duration.ofSeconds(10));
        assertThat(set.automation().sourcePoll()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMalformedDurationNamesTheFieldAndTheFix() {
        assertThatThrownBy(() -> read("name: w\nmarts: {}\nautomation:\n  tickInterval: soon\n"))
            .isInstanceOf(WorkspaceConfigException.class)
            .hasMessageContaining("automation.tickInterval: 'soon' is not a positive duration; write a number and a "
                + "unit (ms, s, m or h), e.g. 30s, 5m or 1h.");
    }
}
