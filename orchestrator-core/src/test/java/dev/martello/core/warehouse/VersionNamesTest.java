package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionNamesTest {

    @Test
    void versionsCarryTheRunIdAndANonce() {
        VersionNames names = VersionNames.of(AssetKey.parse("sales/orders"));

        String version = names.version("2024-06-01T07:00:00Z#42");

        assertThat(version).matches("orders__v20240601t070000z_[a-z0-9]{4}");
        assertThat(names.isVersion(version)).isTrue();
        assertThat(names.version("run-1")).isNotEqualTo(names.version("run-1"));
    }

    @Test
    void onlyThisAssetsVersionsMatch() {
        VersionNames names = VersionNames.of(AssetKey.parse("sales/orders"));

        assertThat(names.isVersion("orders")).isFalse();
        assertThat(names.isVersion("orders__vrun1_ab12")).isTrue();
        assertThat(names.isVersion("big_orders__vrun1_ab12")).isFalse();
        assertThat(names.isVersion("orders_daily")).isFalse();
        assertThat(names.isVersion("orders__prun1_ab12")).isFalse();
    }

    @Test
    void findsThePublishedVersionInAViewDefinition() {
        VersionNames names = VersionNames.of(AssetKey.parse("sales/orders"));

        assertThat(names.findVersionIn("SELECT orders__vrun2_zz99.id FROM sales.orders__vrun2_zz99;"))
            .contains("orders__vrun2_zz99");
        assertThat(names.findVersionIn("SELECT \"sales\".\"big_orders__vrun2_zz99\".\"id\" FROM x")).isEmpty();
    }

    @Test
    void longNamesAreShortenedUniquelyWithinPostgresLimit() {
        String long1 = "a".repeat(60) + "_x";
        String long2 = "a".repeat(60) + "_y";
        VersionNames one = VersionNames.of(AssetKey.parse("m/" + long1));
        VersionNames two = VersionNames.of(AssetKey.parse("m/" + long2));

        String version = one.version("a-very-long-run-id-that-goes-on");

        assertThat(version.length()).isLessThanOrEqualTo(VersionNames.MAX_IDENTIFIER);
        assertThat(one.isVersion(version)).isTrue();
        assertThat(two.isVersion(version)).isFalse();
        assertThat(one.staging("r").length()).isLessThanOrEqualTo(VersionNames.MAX_IDENTIFIER);
    }

    @Test
    void likePatternEscapesUnderscores() {
        assertThat(VersionNames.of(AssetKey.parse("m/daily_orders")).likeVersions()).isEqualTo("daily!_orders!_!_v%");
    }
}
