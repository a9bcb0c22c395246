package dev.martello.cli.crash;

import dev.martello.dsl.SourceSeed;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Three thousand orders in {@code raw_shop.orders}, the same on every backend, written in one transaction so that a
 * kill while seeding leaves either no sources (and the next run seeds again) or all of them.
 */
public final class CrashSeed implements SourceSeed {
    @Override
    public boolean isSeeded(Connection warehouse) throws SQLException {
        try (var tables = warehouse.getMetaData().getTables(null, "raw_shop", "orders", null)) {
            return tables.next();
        }
    }

    @Override
    public void seed(Connection warehouse, Options options) throws SQLException {
        boolean autoCommit = warehouse.getAutoCommit();
        warehouse.setAutoCommit(false);
        try (Statement s = warehouse.createStatement()) {
            s.execute("create schema if not exists raw_shop");
            s.execute("drop table if exists raw_shop.orders");
            s.execute("create table raw_shop.orders (order_id bigint, customer_id bigint, region varchar(8),"
                + " amount bigint, _loaded_at timestamp)");
            s.execute("insert into raw_shop.orders select i, i % 97, case when i % 3 = 0 then 'eu' else 'us' end,"
                + " (i * 37) % 1000, timestamp '2024-01-01 00:00:00' from generate_series(1, 3000) as g(i)");
            warehouse.commit();
        } catch (SQLException | RuntimeException e) {
            warehouse.rollback();
            throw e;
        } finally {
            warehouse.setAutoCommit(autoCommit);
        }
    }
}
