package dev.martello.core.observation;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.observation.jooq.JooqObservationStore;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.core.warehouse.JdbcWarehouse;
import dev.martello.core.warehouse.Warehouse;
import dev.martello.core.warehouse.WarehouseConfig;
import dev.martello.dsl.Mart;
import dev.martello.dsl.SourceKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Polling sources of a real H2 warehouse into a real H2 metadata store. */
class SourceObserverTest {
    static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

    @TempDir
    Path dir;
    Warehouse warehouse;
    RunStore runs;
    ObservationStore store;

    @BeforeEach
    void open() throws SQLException {
        warehouse = JdbcWarehouse.open(WarehouseConfig.of("jdbc:h2:" + dir.resolve("warehouse")));
        runs = MetadataStores.h2(dir.resolve("metadata"));
        store = JooqObservationStore.on(runs);
        sql("create schema \"raw\"",
            "create table \"raw\".\"orders\" (\"id\" int, \"_loaded_at\" timestamp)",
            "create table \"raw\".\"users\" (\"id\" int)",
            "insert into \"raw\".\"orders\" values (1, timestamp '2026-03-02 05:00:00')");
    }

    @AfterEach
    void close() {
        runs.close();
        warehouse.close();
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    static AssetGraph graph() {
        Mart m = Mart.integrated("m").owner("team:m")
            .source("raw.orders", s -> s.loadedAt("_loaded_at"))
            .source("raw.users")
            .source("raw.missing")
            .asset("a", a -> a.sql("select * from {{ source('raw.orders') }} join {{ source('raw.users') }} using (id)"
                + " join {{ source('raw.missing') }} using (id)"))
            .build();
        return AssetGraph.of(List.of(m));
    }

    static List<String> seen(ObservationResult r) {
        return r.observed().stream().map(o -> o.source() + " " + o.dataVersion()).toList();
    }

    @Test
    void aChangedLoadedAtOrRowCountIsANewDataVersionAndNothingElseIs() throws SQLException {
        SourceObserver observer = new SourceObserver(graph(), warehouse, store, Duration.ofMinutes(5));

        ObservationResult first = observer.observe(T0);
        assertThat(seen(first)).containsExactly("raw.orders max(_loaded_at)=2026-03-02 05:00:00", "raw.users rows=0");
        assertThat(first.problems()).containsExactly("source raw.missing does not exist in the h2 warehouse; "
            + "nothing observed (load it, or fix the source's name in its mart)");

        sql("insert into \"raw\".\"orders\" values (2, timestamp '2026-03-02 05:00:00')");
        assertThat(seen(observer.observe(T0.plusSeconds(60)))).as("not due yet").isEmpty();
        ObservationResult same = observer.observe(T0.plusSeconds(300));
        assertThat(same.polled()).isEqualTo(3);
        assertThat(seen(same)).as("same max(loaded-at): no new version").isEmpty();

        sql("insert into \"raw\".\"orders\" values (3, timestamp '2026-03-02 06:04:00')",
            "insert into \"raw\".\"users\" values (1)");
        assertThat(seen(observer.observe(T0.plusSeconds(600))))
            .containsExactly("raw.orders max(_loaded_at)=2026-03-02 06:04:00", "raw.users rows=1");
        assertThat(store.latestObservations().get(SourceKey.parse("raw.users")).observedAt())
            .isEqualTo(T0.plusSeconds(600));

        SourceObserver restarted = new SourceObserver(graph(), warehouse, store, Duration.ofMinutes(5));
        assertThat(seen(restarted.observe(T0.plusSeconds(900)))).as("remembers the stored versions").isEmpty();
    }
}
