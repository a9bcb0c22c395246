package dev.martello.core.warehouse;

import dev.martello.dsl.AssetContext;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.SourceKey;

import java.sql.Connection;
import java.util.Optional;

/** What a Java asset sees: the version being built as its target, and the engine's guarded connection. */
final class JdbcAssetContext implements AssetContext {
    private final MaterializationRequest request;
    private final String target;
    private final Connection connection;
    private final Session session;

    JdbcAssetContext(MaterializationRequest request, String target, Connection connection, Session session) {
        this.request = request;
        this.target = target;
        this.connection = connection;
        this.session = session;
    }

    @Override
    public AssetKey key() {
        return request.asset().key();
    }

    @Override
    public String runId() {
        return request.runId();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public String target() {
        return target;
    }

    /** {@code mart/name} or a bare name in this asset's mart is an asset; {@code schema.table} is a source. */
    @Override
    public String table(String key) {
        NodeKey node = key.contains(".") && !key.contains("/") ? SourceKey.parse(key)
            : AssetKey.parse(key, key().mart());
        return session.dialect().relation(node);
    }

    @Override
    public Optional<PartitionWindow> partition() {
        return Optional.ofNullable(request.partition());
    }

    @Override
    public int execute(String sql) {
        return session.userSql(() -> session.update(sql));
    }

    @Override
    public void log(String message) {
        request.log().accept(message);
    }
}
