package dev.martello.core.warehouse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/** A real PostgreSQL (io.zonky's embedded binaries), started once for the class. */
class PostgresWarehouseTest extends WarehouseContractTest {
    private EmbeddedPostgres postgres;

    @Override
    protected WarehouseConfig config() throws IOException {
        postgres = EmbeddedPostgres.start();
        return WarehouseConfig.of(postgres.getJdbcUrl("postgres", "postgres"));
    }

    @Override
    protected void stopBackend() throws IOException {
        postgres.close();
    }

    @Override
    protected String slowSelect() {
        return "select 1 as n from pg_sleep(30)";
    }

    @Override
    protected String varcharName() {
        return "varchar";
    }

    @Override
    protected String missingTableMessage() {
        return "ERROR: relation \"raw.no_such_table\" does not exist";
    }

    @Override
    protected String missingTableState() {
        return "42P01";
    }
}
