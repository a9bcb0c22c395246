package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;
import dev.martello.dsl.SourceKey;
import dev.martello.dsl.SqlType;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact SQL the Snowflake dialect sends where fakesnow cannot run it ({@code SWAP WITH}, query tags), and its
 * naming rules. The statements are recorded by a connection that only records, since no local server accepts them;
 * docs/warehouses/snowflake.md says how to run them against a real account.
 */
class SnowflakeDialectTest {
    private final SnowflakeDialect dialect = new SnowflakeDialect("dev_", WarehouseConfig.TablePublish.SWAP,
        new QueryTags());
    private final List<String> sent = new ArrayList<>();
    private final VersionNames names = VersionNames.of(dialect.schemaOf(AssetKey.parse("sales/orders")), "orders");

    @Test
    void anExistingTableIsSwappedWithTheCheckedVersionInOneStatement() {
        try (Session session = recordingSession()) {
            new SwapWith().publishTable(session, names, "orders__vrun1_abcd", Optional.of(RelationKind.TABLE));
        }

        assertThat(sent).containsExactly(
            "alter table \"DEV_SALES\".\"ORDERS\" swap with \"DEV_SALES\".\"ORDERS__VRUN1_ABCD\"");
    }

    @Test
    void theFirstPublishRenamesTheVersionWithinItsSchema() {
        try (Session session = recordingSession()) {
            new SwapWith().publishTable(session, names, "orders__vrun1_abcd", Optional.empty());
        }

        assertThat(sent).containsExactly(
            "alter table \"DEV_SALES\".\"ORDERS__VRUN1_ABCD\" rename to \"DEV_SALES\".\"ORDERS\"");
    }

    @Test
    void aViewTurningIntoATableIsDroppedThenReplaced() {
        try (Session session = recordingSession()) {
            new SwapWith().publishTable(session, names, "orders__vrun1_abcd", Optional.of(RelationKind.VIEW));
        }

        assertThat(sent).containsExactly("drop view \"DEV_SALES\".\"ORDERS\"",
            "alter table \"DEV_SALES\".\"ORDERS__VRUN1_ABCD\" rename to \"DEV_SALES\".\"ORDERS\"");
    }

    @Test
    void swappedOutDataIsAVersionThatCleanupDrops() {
        assertThat(new SwapWith().keepsVersions()).isTrue();
        assertThat(names.isVersion(dialect.engineName("ORDERS__VRUN1_ABCD"))).isTrue();
        assertThat(dialect.catalogName(names.likeVersions())).isEqualTo("ORDERS!_!_V%");
    }

    @Test
    void queryTagsAreJsonNamingTheRunAndTheAsset() {
        try (Session session = recordingSession()) {
            dialect.tag(session, "run-42", AssetKey.parse("sales/orders"));
            dialect.untag(session);
        }

        assertThat(sent).containsExactly(
            "alter session set query_tag = '{\"app\":\"martello\",\"run_id\":\"run-42\",\"asset\":\"sales/orders\"}'",
            "alter session unset query_tag");
    }

    @Test
    void queryTagsEscapeQuotesAndBackslashesForSnowflakeLiterals() {
        assertThat(QueryTags.set("it's\\x", AssetKey.parse("sales/orders"))).isEqualTo(
            "alter session set query_tag = '{\"app\":\"martello\",\"run_id\":\"it''s\\\\\\\\x\","
                + "\"asset\":\"sales/orders\"}'");
    }

    @Test
    void assetsGetTheSchemaPrefixAndSourcesKeepTheirSchema() {
        assertThat(dialect.relation(AssetKey.parse("sales/orders"))).isEqualTo("\"DEV_SALES\".\"ORDERS\"");
        assertThat(dialect.relation(SourceKey.parse("raw_shop.orders"))).isEqualTo("\"RAW_SHOP\".\"ORDERS\"");
    }

    @Test
    void literalsTypesAndSessionSettings() {
        assertThat(dialect.literal("a\\b'c")).isEqualTo("'a\\\\b''c'");
        assertThat(dialect.typeName(SqlType.DECIMAL)).isEqualTo("number(38, 9)");
        assertThat(dialect.typeName(SqlType.TIMESTAMP)).isEqualTo("timestamp_ntz");
        assertThat(dialect.displayType("TIMESTAMPNTZ")).isEqualTo("timestamp_ntz");
        assertThat(dialect.connectionProperties()).isEqualTo(Map.of("TIMEZONE", "UTC"));
        assertThat(dialect.sessionSetup()).isNull();
        assertThat(dialect.message(new SQLException("002003 (42S02): SQL compilation error:\nObject 'X' does not"
            + " exist or not authorized.", "42S02"))).isEqualTo("SQL compilation error:\nObject 'X' does not exist or"
            + " not authorized.");
    }

    @Test
    void thePublisherIsConfigured() {
        assertThat(dialect.publisher()).isInstanceOf(SwapWith.class);
        assertThat(new SnowflakeDialect("", WarehouseConfig.TablePublish.VIEW, new QueryTags()).publisher())
            .isInstanceOf(RepointView.class);
    }

    /** A session over a connection that records each statement and succeeds. */
    private Session recordingSession() {
        Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Statement.class}, (self, method, args) -> switch (method.getName()) {
                case "execute" -> {
                    sent.add((String) args[0]);
                    yield false;
                }
                case "close", "setQueryTimeout" -> null;
                case "hashCode" -> System.identityHashCode(self);
                case "equals" -> self == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (self, method, args) -> switch (method.getName()) {
                case "createStatement" -> statement;
                case "close" -> null;
                case "isValid" -> true;
                default -> throw new UnsupportedOperationException(method.getName());
            });
        return new Session(connection, dialect, StatementGuard.none(), AssetKey.parse("sales/orders"), "testing",
            (c, reusable) -> { });
    }
}
