package dev.martello.dsl.usage;

import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Check;
import dev.martello.dsl.Compute;
import dev.martello.dsl.DefinitionException;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartBuilder;
import dev.martello.dsl.Owner;
import dev.martello.dsl.Severity;
import dev.martello.dsl.SourceKey;
import dev.martello.dsl.SqlType;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declares marts as an analyst would, from outside the DSL's package. */
class DeclarationTest {

    private static List<String> problems(MartBuilder builder) {
        try {
            builder.build();
            return List.of();
        } catch (DefinitionException e) {
            return e.problems().stream().map(p -> p.subject() + " | " + p.message() + " " + p.fix()).toList();
        }
    }

    @Test
    void keysAreNormalisedOnce() {
        assertThat(AssetKey.parse(" Commerce/Orders ")).isEqualTo(new AssetKey("commerce", "orders"));
        assertThat(AssetKey.parse("orders", "commerce").toString()).isEqualTo("commerce/orders");
        assertThat(SourceKey.parse("RAW_commerce.orders").toString()).isEqualTo("raw_commerce.orders");
        assertThatThrownBy(() -> AssetKey.parse("a/b/c")).hasMessage("'a/b/c' has more than one '/': an asset key is 'mart/name'");
        assertThatThrownBy(() -> AssetKey.parse("core/gmv daily")).hasMessage("the asset name 'gmv daily' in"
            + " 'core/gmv daily' is not a plain identifier: use letters, digits and underscores, starting with a letter"
            + " (it becomes a warehouse table name)");
    }

    @Test
    void aFullDeclarationBuildsAnImmutableAsset() {
        Mart m = Mart.application("commerce").owner("team:commerce-data").describedAs("Orders")
            .source("raw_commerce.orders", s -> s.loadedAt("_loaded_at").describedAs("as loaded"))
            .asset("orders", a -> a.describedAs("One row per order").exposed().freshWithin(Duration.ofHours(2))
                .column("order_id", SqlType.BIGINT, c -> c.notNull().unique())
                .column("status", SqlType.VARCHAR, c -> c.acceptedValues("paid", "open").warnOnly())
                .tag("tier", "1").tag("pii")
                .sql("select * from {{ source('raw_commerce.orders') }} -- all of it"))
            .build();
        Asset a = m.assets().getFirst();
        assertThat(a.key()).hasToString("commerce/orders");
        assertThat(a.owners()).extracting(Owner::value).containsExactly("team:commerce-data");
        assertThat(a.upstreams()).containsExactly(SourceKey.parse("raw_commerce.orders"));
        assertThat(a.checks()).extracting(Check::name, Check::severity).containsExactly(
            org.assertj.core.groups.Tuple.tuple("not_null_order_id", Severity.ERROR),
            org.assertj.core.groups.Tuple.tuple("unique_order_id", Severity.ERROR),
            org.assertj.core.groups.Tuple.tuple("accepted_values_status", Severity.WARN));
        assertThat(a.tags()).containsEntry("tier", "1").containsEntry("pii", "");
        assertThat(a.codeVersion()).hasSize(16);
        assertThat(a.location().toString()).startsWith("DeclarationTest.java:");
        assertThatThrownBy(() -> a.checks().add(Check.rowCount(1L, null))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void codeVersionIgnoresFormattingButNotLogic() {
        String v1 = version("select a, b from {{ ref('x') }}");
        String v2 = version("select a,\n   b -- comment\nfrom {{ ref('x') }}");
        String v3 = version("select a, c from {{ ref('x') }}");
        assertThat(v1).isEqualTo(version("select a, b  from {{ ref('x') }} /* note */"));
        assertThat(v2).isNotEqualTo(v3);
        assertThat(v1).isNotEqualTo(v3);
    }

    private static String version(String sql) {
        return Mart.integrated("m").owner("team:t").asset("x", a -> a.sql("select 1"))
            .asset("y", a -> a.sql(sql)).build().assets().get(1).codeVersion();
    }

    @Test
    void mistakesInOneMartAreAllReportedWithTheAssetKey() {
        List<String> found = problems(Mart.integrated("core").owner("nobody")
            .asset("", a -> a.sql("select 1"))
            .asset("late", a -> a.freshBy("0 7 * * *", "Mars/Olympus").partitionedDaily("2024-13-01", "UTC")
                .incremental("day").sql("select 1"))
            .asset("typo", a -> a.sql("select * from {{ reff('x') }}"))
            .asset("wrong_kind", a -> a.sql("select * from {{ ref('raw.orders') }}"))
            .asset("partitioned_table", a -> a.partitionedBy("us", "eu").sql("select 1"))
            .asset("cols", a -> a.column("id", SqlType.BIGINT).column("id", SqlType.BIGINT)
                .check(Check.notNull("missing")).sql("select 1 as id"))
            .asset("nosql", a -> a.sqlFile("nowhere.sql"))
            .asset("bad_zone", a -> a.automation(dev.martello.dsl.AutomationPolicy.onCron("0 6 * * *", "Bad/Zone"))
                .sql("select 1"))
            .asset("twice", a -> a.column("id", SqlType.BIGINT, c -> c.unique()).check(Check.unique("id"))
                .sql("select 1 as id")));
        assertThat(found).containsExactly(
            "mart 'core' | Mart 'core' has an invalid owner 'nobody' is neither a team nor an e-mail address: write"
                + " 'team:name' (lower case, digits, '-', '_', '.') or 'someone@example.com'. ",
            "asset '' | Asset '' in mart 'core': the asset key is blank; write it as 'mart/name'. ",
            "core/late | Asset 'core/late' has freshness time zone 'Mars/Olympus', which is unknown. Use a region id"
                + " such as 'Europe/Berlin' or 'UTC'.",
            "core/late | Asset 'core/late' has partition start '2024-13-01', which is not an ISO date. Write it as"
                + " yyyy-MM-dd, e.g. '2024-01-01'.",
            "core/typo | Asset 'core/typo' (inline): SQL line 1: unknown placeholder '{{ reff('x') }}'; allowed are"
                + " ref('mart/name'), source('schema.table'), this, partition_start, partition_end, partition_key. ",
            "core/wrong_kind | Asset 'core/wrong_kind' (inline): SQL line 1: ref('raw.orders') names a source, not an"
                + " asset: write {{ source('raw.orders') }}. ",
            "core/cols | Asset 'core/cols' declares column 'id' twice. Declare each column once.",
            "core/nosql | Asset 'core/nosql' reads SQL file 'nowhere.sql', which is not on the classpath at"
                + " /dev/martello/dsl/usage/nowhere.sql. Put the file in"
                + " src/main/resources/dev/martello/dsl/usage/nowhere.sql.",
            "core/bad_zone | Asset 'core/bad_zone' could not be declared: ZoneRulesException: Unknown time-zone ID:"
                + " Bad/Zone. Fix the value passed in its declaration.",
            "core/late | Asset 'core/late' is incremental but has no partitions. Add .partitionedDaily(…),"
                + " .partitionedHourly(…) or .partitionedBy(…), or make it a table.",
            "core/partitioned_table | Asset 'core/partitioned_table' is partitioned but materialized as table; each"
                + " partition run would rebuild the whole table. Add .incremental(\"<partition column>\") so each run"
                + " replaces one partition.",
            "core/cols | Asset 'core/cols' checks column 'missing', which its contract does not declare (declared:"
                + " id). Declare the column with .column(\"missing\", …) or fix the check.",
            "core/twice | Asset 'core/twice' has two checks named 'unique_id'. Drop the repeated check, or give a"
                + " custom SQL check another name.");
    }

    @Test
    void sqlFilesAreReadFromBesideTheDeclaringClass() {
        Mart m = Mart.integrated("core").owner("team:core").asset("from_file", a -> a.sqlFile("from_file.sql")).build();
        Compute.Sql sql = (Compute.Sql) m.assets().getFirst().compute();
        assertThat(sql.origin()).isEqualTo("dev/martello/dsl/usage/from_file.sql");
        assertThat(sql.template().refs()).containsExactly(AssetKey.parse("core/other"));
        assertThat(sql.template().uses("partition_start")).isTrue();
    }
}
