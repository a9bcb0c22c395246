package dev.martello.core.execution;

import dev.martello.core.graph.GraphLoader;
import dev.martello.core.graph.LoadedGraph;
import dev.martello.core.warehouse.Warehouse;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.Mart;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Workspaces of marts declared in a test, and plain SQL against their warehouse. */
final class TestWorkspace {
    private TestWorkspace() {
    }

    /** The embedded default: DuckDB warehouse and H2 metadata in {@code dir}/data. */
    static Workspace of(Path dir, Mart... marts) {
        return of(dir, null, null, null, marts);
    }

    static Workspace of(Path dir, WorkspaceConfig.WarehouseConfig warehouse, WorkspaceConfig.MetadataConfig metadata,
                        WorkspaceConfig.SeedConfig seed, Mart... marts) {
        WorkspaceConfig config = new WorkspaceConfig("test", "", new WorkspaceConfig.MartsConfig(null, null), "data",
            warehouse, metadata, seed);
        LoadedGraph graph = GraphLoader.validate(List.of(marts), List.of());
        assertThat(graph.problems()).as("the test's marts are valid").isEmpty();
        return new Workspace(dir, config, graph);
    }

    static void sql(Warehouse warehouse, String... statements) {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of {@code query}, each as its values in text. */
    static List<List<String>> rows(Warehouse warehouse, String query) {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    static long count(Warehouse warehouse, String query) {
        return Long.parseLong(rows(warehouse, query).getFirst().getFirst());
    }
}
