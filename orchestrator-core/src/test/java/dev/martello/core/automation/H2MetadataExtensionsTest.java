package dev.martello.core.automation;

import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The automation, observation and freshness stores on the embedded default, an H2 file. */
class H2MetadataExtensionsTest extends MetadataExtensionsContractTest {
    @TempDir
    Path dataDir;

    @Override
    RunStore openStore() {
        return MetadataStores.h2(dataDir.resolve("metadata"));
    }
}
