package dev.martello.core.runs;

import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The run store contract on the embedded default: an H2 file in a temporary data directory. */
class H2RunStoreTest extends RunStoreContractTest {
    @TempDir
    Path dataDir;

    @Override
    void createDatabase() {
        // Each test has its own data directory, hence its own empty database file.
    }

    @Override
    RunStore openStore() {
        return MetadataStores.h2(dataDir.resolve("metadata"));
    }

    @Test
    void keepsTheDatabaseInTheFileAskedFor() {
        assertThat(dataDir.resolve("metadata.mv.db")).isRegularFile();
    }
}
