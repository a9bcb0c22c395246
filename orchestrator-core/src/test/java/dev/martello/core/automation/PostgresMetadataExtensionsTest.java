package dev.martello.core.automation;

import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.TestPostgres;
import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.AfterEach;

/** The automation, observation and freshness stores on a real PostgreSQL server, each test in a fresh schema. */
class PostgresMetadataExtensionsTest extends MetadataExtensionsContractTest {
    private TestPostgres.Server database;

    @Override
    RunStore openStore() {
        database = TestPostgres.newSchema();
        return MetadataStores.postgres(database.url(), database.user(), database.password());
    }

    @AfterEach
    void dropSchema() {
        runs.close();
        TestPostgres.dropSchema(database);
    }
}
