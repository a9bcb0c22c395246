package dev.martello.core.runs;

import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.AfterEach;

/** The run queue contract on a real PostgreSQL server (see {@link TestPostgres}), each test in a fresh schema. */
class PostgresRunQueueStoreTest extends RunQueueStoreContractTest {
    private TestPostgres.Server database;

    @Override
    void createDatabase() {
        database = TestPostgres.newSchema();
    }

    @AfterEach
    void dropSchema() {
        close(); // before the drop, so no pooled connection outlives its schema; closing twice is harmless
        TestPostgres.dropSchema(database);
    }

    @Override
    RunStore openStore() {
        return MetadataStores.postgres(database.url(), database.user(), database.password());
    }
}
