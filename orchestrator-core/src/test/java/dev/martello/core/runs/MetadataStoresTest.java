package dev.martello.core.runs;

import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataStoresTest {

    @Test
    void anUnreachableServerIsReportedWithItsUrlAndTheDriversReason() {
        assertThatThrownBy(() -> MetadataStores.postgres("jdbc:postgresql://127.0.0.1:1/martello", "martello", "x"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("Cannot open the metadata store (PostgreSQL "
                + "jdbc:postgresql://127.0.0.1:1/martello): Connection to 127.0.0.1:1 refused.");
    }
}
