package dev.martello.core.runs;

import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The run queue contract on the embedded default; two stores on the one H2 file stand for two nodes. */
class H2RunQueueStoreTest extends RunQueueStoreContractTest {
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
}
