package dev.martello.marts.demodata;

import dev.martello.dsl.Asset;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that the demo is coherent: every demo asset, built on the demo data at scale 0.01, has rows and passes
 * its blocking checks. Partitioned assets are built for the last day alone, and for the whole history at once.
 */
class DemoMartsOnDemoDataTest {

    enum Window {
        LAST_DAY, ALL_HISTORY;

        Instant start(LocalDate lastDay) {
            LocalDate first = this == LAST_DAY ? lastDay : Timeline.PARTITIONS_START;
            return first.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void everyAssetHasRowsAndPassesItsBlockingChecks(Window window) throws Exception {
        LocalDate lastDay = DemoDataTest.OPTIONS.lastDay();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            new DemoData().seed(db, DemoDataTest.OPTIONS);
            List<CrudeBuild.Built> built = new CrudeBuild(db, window.start(lastDay),
                lastDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)).buildAll(assets());

            assertThat(built).hasSizeGreaterThanOrEqualTo(31);
            Map<String, String> blocking = new TreeMap<>();
            built.forEach(b -> b.failed(Severity.ERROR).forEach(c ->
                blocking.put(b.key() + " " + c.name(), c.failing() + " failing rows")));
            assertThat(blocking).isEmpty();
            assertThat(built.stream().filter(b -> b.rows() == 0 && (!b.partitioned()
                || !b.key().toString().equals("events/undeclared_events_daily")))
                .map(b -> b.key().toString())).isEmpty();
            Map<String, List<String>> warnings = built.stream().filter(b -> !b.failed(Severity.WARN).isEmpty())
                .collect(Collectors.toMap(b -> b.key().toString(),
                    b -> b.failed(Severity.WARN).stream().map(CrudeBuild.CheckOutcome::name).toList()));
            if (window == Window.ALL_HISTORY) {
                assertThat(warnings).containsEntry("events/undeclared_events_daily", List.of("no_undeclared_events"));
            }
        }
    }

    private static List<Asset> assets() {
        return ServiceLoader.load(MartDefinition.class).stream()
            .flatMap(p -> p.get().define().assets().stream()).toList();
    }
}
