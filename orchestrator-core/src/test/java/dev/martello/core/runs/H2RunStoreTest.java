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

    /** Migration V4: H2 persists its identity sequence (one more commit) only once per 1,000 events, not per 32. */
    @Test
    void theEventLogIdentityHandsOutIdsFromACacheOfAThousand() {
        Long cache = MetadataStores.database(store)
            .fetchOne("select identity_cache from information_schema.columns"
                + " where table_name = 'EVENT_LOG' and column_name = 'ID'").get(0, Long.class);
        assertThat(cache).isEqualTo(1_000L);
    }

    @Test
    void keepsTheDatabaseInTheFileAskedFor() {
        assertThat(dataDir.resolve("metadata.mv.db")).isRegularFile();
    }
}
