package dev.martello.core.staleness;

import dev.martello.core.runs.AssetPartitionState;
import dev.martello.core.staleness.Staleness.Reason.CodeChanged;
import dev.martello.core.staleness.Staleness.Reason.DependenciesChanged;
import dev.martello.core.staleness.Staleness.Reason.UpstreamNewer;
import dev.martello.dsl.AssetKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StalenessTest {
    static final Map<String, String> READ = Map.of("commerce/orders", "d-r1", "accounts/users", "d-r2");

    static AssetPartitionState recorded(String codeVersion, Map<String, String> inputs) {
        return new AssetPartitionState(AssetKey.parse("core/gmv_daily"), "", codeVersion, "d-r3", inputs,
            Instant.parse("2025-03-01T06:00:00Z"), "r3", 42);
    }

    @Test
    void neverMaterializedIsMissing() {
        Staleness staleness = Staleness.of("a1b2", READ, null);

        assertThat(staleness).isEqualTo(new Staleness.Missing());
        assertThat(staleness.describe()).isEqualTo("MISSING: never materialized");
    }

    @Test
    void sameCodeAndSameInputsIsUpToDate() {
        Staleness staleness = Staleness.of("a1b2", READ, recorded("a1b2", READ));

        assertThat(staleness).isEqualTo(new Staleness.UpToDate());
        assertThat(staleness.describe()).isEqualTo("UP-TO-DATE");
    }

    @Test
    void changedCodeIsStaleAndSaysFromWhatToWhat() {
        Staleness staleness = Staleness.of("c3d4", READ, recorded("a1b2", READ));

        assertThat(staleness).isEqualTo(new Staleness.Stale(List.of(new CodeChanged("a1b2", "c3d4"))));
        assertThat(staleness.describe()).isEqualTo("STALE: code changed (a1b2 → c3d4)");
    }

    @Test
    void aNewerUpstreamVersionIsStaleAndNamesTheUpstream() {
        Map<String, String> now = new HashMap<>(READ);
        now.put("commerce/orders", "d-r9");

        Staleness staleness = Staleness.of("a1b2", now, recorded("a1b2", READ));

        assertThat(staleness).isEqualTo(new Staleness.Stale(List.of(
            new UpstreamNewer("commerce/orders", "d-r1", "d-r9"))));
        assertThat(staleness.describe()).isEqualTo("STALE: upstream commerce/orders has a newer data version");
    }

    @Test
    void addedAndRemovedDependenciesAreStaleAndListed() {
        Map<String, String> now = Map.of("commerce/orders", "d-r1", "live/shows", "d-r5", "growth/cohorts", "d-r6");

        Staleness staleness = Staleness.of("a1b2", now, recorded("a1b2", READ));

        assertThat(staleness).isEqualTo(new Staleness.Stale(List.of(
            new DependenciesChanged(List.of("growth/cohorts", "live/shows"), List.of("accounts/users")))));
        assertThat(staleness.describe())
            .isEqualTo("STALE: dependencies changed (added growth/cohorts, live/shows; removed accounts/users)");
    }

    @Test
    void onlyRemovedDependencies() {
        Staleness staleness = Staleness.of("a1b2", Map.of("commerce/orders", "d-r1"), recorded("a1b2", READ));

        assertThat(staleness.describe()).isEqualTo("STALE: dependencies changed (removed accounts/users)");
    }

    @Test
    void everyReasonIsGivenCodeFirstThenDependenciesThenUpstreams() {
        Map<String, String> now = Map.of("commerce/orders", "d-r7", "accounts/users", "d-r8", "live/shows", "d-r5");

        Staleness staleness = Staleness.of("c3d4", now, recorded("a1b2", READ));

        assertThat(staleness.describe()).isEqualTo("STALE: code changed (a1b2 → c3d4); "
            + "dependencies changed (added live/shows); "
            + "upstream accounts/users has a newer data version; "
            + "upstream commerce/orders has a newer data version");
    }

    @Test
    void anUpstreamWithoutAVersionNowDoesNotMakeItStale() {
        Map<String, String> now = new HashMap<>(READ);
        now.put("commerce/orders", null);

        assertThat(Staleness.of("a1b2", now, recorded("a1b2", READ))).isEqualTo(new Staleness.UpToDate());
    }
}
