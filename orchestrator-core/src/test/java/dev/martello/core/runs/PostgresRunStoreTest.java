package dev.martello.core.runs;

import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The run store contract on a real PostgreSQL server (see {@link TestPostgres}), each test in a fresh schema. */
class PostgresRunStoreTest extends RunStoreContractTest {
    private TestPostgres.Server database;

    @Override
    void createDatabase() {
        database = TestPostgres.newSchema();
    }

    @AfterEach
    void dropSchema() {
        store.close(); // before the drop, so no pooled connection outlives its schema; closing twice is harmless
        TestPostgres.dropSchema(database);
    }

    /**
     * Migration V4 leaves PostgreSQL's event id sequence uncached: a cache there is per connection, and ids would no
     * longer follow insertion order for readers that page the log by id.
     */
    @Test
    void theEventLogIdentityStaysUncached() {
        Long cache = MetadataStores.database(store)
            .fetchOne("select seqcache from pg_sequence where seqrelid = pg_get_serial_sequence('event_log', 'id')"
                + "::regclass").get(0, Long.class);
        assertThat(cache).isEqualTo(1L);
    }

    @Override
    RunStore openStore() {
        return MetadataStores.postgres(database.url(), database.user(), database.password());
    }
}
