package dev.martello.core.warehouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.SqlTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The warehouse over JDBC, with a connection pool; the backend's differences come from its {@link Dialect}, picked
 * by the URL's prefix.
 */
public final class JdbcWarehouse implements Warehouse {
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final SqlRenderer renderer;
    /** Fires timeouts: cancelling from another thread is the only way to stop a running JDBC statement. */
    private final ScheduledThreadPoolExecutor timer;
    /** Schemas seen to exist and assets swept, so that a materialization does not ask the catalog each time. */
    private final WarehouseMemory memory = WarehouseMemory.empty();
    private final OneAtATime turns = new OneAtATime();

    private JdbcWarehouse(Dialect dialect, HikariDataSource pool) {
        this.dialect = dialect;
        this.pool = pool;
        this.renderer = new SqlRenderer(dialect);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "martello-warehouse-timeouts");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Opens the warehouse {@code config} names; fails with the backend's message when it cannot connect. */
    public static JdbcWarehouse open(WarehouseConfig config) {
        Dialect dialect = Dialects.forConfig(config);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(dialect.prepareUrl(config.url()));
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        config.properties().forEach(hc::addDataSourceProperty);
        dialect.connectionProperties().forEach(hc::addDataSourceProperty);
        hc.setMaximumPoolSize(config.maxConnections());
        hc.setConnectionInitSql(dialect.sessionSetup());
        hc.setPoolName("martello-warehouse-" + dialect.name());
        try {
            return new JdbcWarehouse(dialect, new HikariDataSource(hc));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof SQLException s ? s : e;
            // Not the URL: it may carry a password.
            throw new WarehouseException(dialect.name(), "to connect", String.valueOf(cause.getMessage()),
                cause instanceof SQLException s ? s.getSQLState() : null, null, e);
        }
    }

    @Override
    public String name() {
        return dialect.name();
    }

    @Override
    public Materialization materialize(MaterializationRequest request) {
        Asset asset = request.asset();
        try (StatementGuard guard = StatementGuard.start(request.timeout(), request.cancellation(), timer);
             OneAtATime.Turn turn = dialect.parallelDdl() ? OneAtATime.Turn.NONE : turns.take(guard, asset.key());
             Session session = session(guard, asset.key(), "while materializing '" + asset.key() + "'")) {
            dialect.tag(session, request.runId(), asset.key());
            try {
                return switch (asset.materialization()) {
                    case TABLE -> TableMaterializer.run(session, renderer, request);
                    case VIEW -> ViewMaterializer.run(session, renderer, request);
                    case INCREMENTAL -> PartitionMaterializer.run(session, renderer, request);
                };
            } catch (RuntimeException e) {
                session.forgetSchema(dialect.schemaOf(asset.key()));
                throw e;
            } finally {
                dialect.untag(session);
            }
        }
    }

    @Override
    public List<String> cleanupLeftovers(AssetKey asset) {
        try (Session session = session(StatementGuard.none(), asset, "while cleaning up after '" + asset + "'")) {
            return Leftovers.drop(session, session.names(asset));
        }
    }

    @Override
    public OptionalLong rowCount(NodeKey node) {
        try (Session session = session(StatementGuard.none(), null, "while counting the rows of '" + node + "'")) {
            if (dialect.kindOf(session, dialect.schemaOf(node), node.table()).isEmpty()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(session.count("select count(*) from " + dialect.relation(node), List.of()));
        }
    }

    @Override
    public Optional<String> maxValue(NodeKey node, String column) {
        try (Session session = session(StatementGuard.none(), null, "while reading max(" + column + ") of '" + node
            + "'")) {
            if (dialect.kindOf(session, node.schema(), node.table()).isEmpty()) {
                return Optional.empty();
            }
            String max = session.rows("select max(" + dialect.quote(column) + ") from "
                + dialect.qualified(node.schema(), node.table()), List.of(), row -> row.getString(1)).getFirst();
            return Optional.of(max == null ? "" : max);
        }
    }

    @Override
    public String render(SqlTemplate template, AssetKey asset, PartitionWindow partition) {
        return renderer.render(template, asset, dialect.relation(asset), partition);
    }

    @Override
    public Connection connect() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new WarehouseException(dialect.name(), "to open a connection", dialect.message(e), e.getSQLState(),
                null, e);
        }
    }

    private Session session(StatementGuard guard, AssetKey subject, String action) {
        return new Session(connect(), dialect, guard, subject, action, this::release, memory);
    }

    /**
     * A cancel sent as a statement finished can still reach the connection (PostgreSQL cancels out of band, H2 and
     * DuckDB keep a flag) and would stop the next borrower's query; a broken connection would fail it. Such
     * connections are closed, not reused.
     */
    private void release(Connection connection, boolean reusable) throws SQLException {
        if (reusable) {
            connection.close();
        } else {
            pool.evictConnection(connection);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.close();
    }
}
