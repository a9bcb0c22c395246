package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * A long report through the view holds a lock that repointing the view must wait for, and a DDL statement waiting
     * for a lock on PostgreSQL queues every later reader behind it. The publish must give way instead: while it waits,
     * new readers still read the old version; once the report ends, the new version is published and the old one
     * dropped.
     */
    @Test
    void aPublishWaitingForALongReaderDoesNotBlockNewReaders() throws Exception {
        String key = mart + "/orders";
        materialize(TestAsset.sql(key, "select id, status from {{ source('raw.orders') }} where id <= 2").build(),
            "run-1");
        Asset all = TestAsset.sql(key, "select id, status from {{ source('raw.orders') }}").build();
        CompletableFuture<Materialization> republish;
        try (Connection report = warehouse.connect(); Statement st = report.createStatement()) {
            report.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery("select count(*) from " + mart + ".orders")) {
                rs.next(); // the report's transaction now holds a share lock on the view and run-1's version
            }
            republish = CompletableFuture.supplyAsync(() -> materialize(all, "run-2"));
            awaitWaitingPublish();

            for (int i = 0; i < 3; i++) {
                assertThat(idsWithin(Duration.ofSeconds(5))).as("a new reader while the publish waits")
                    .containsExactly(1L, 2L);
            }
            assertThat(republish).isNotDone();
            report.rollback();
        }
        assertThat(republish.get(60, TimeUnit.SECONDS).rows()).hasValue(5);
        assertThat(ids(mart + ".orders")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(tablesLike(mart, "orders!_!_v%")).hasSize(1);
    }

    /** Until a statement of ours waits for a lock: the publish's attempt to repoint the view. */
    private void awaitWaitingPublish() throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Connection c = warehouse.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                     + " and query like 'create or replace view%'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the publish never tried to repoint the view");
    }

    /** The ids a new reader sees, failing rather than hanging if it is queued behind a lock for {@code limit}. */
    private List<Long> idsWithin(Duration limit) throws Exception {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement()) {
            st.execute("set statement_timeout = " + limit.toMillis());
            try (ResultSet rs = st.executeQuery("select id from " + mart + ".orders order by id")) {
                List<Long> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
                return out;
            } finally {
                st.execute("reset statement_timeout");
            }
        }
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
