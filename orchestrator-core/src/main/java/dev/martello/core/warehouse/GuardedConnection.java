package dev.martello.core.warehouse;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Java asset's view of the engine's connection. Statements it creates are registered with the work's guard, so a
 * timeout cancels them too. The code runs inside the engine's transaction: {@code close()}, {@code commit()} and
 * {@code setAutoCommit()} are ignored, because the engine still needs the connection to check and publish what the
 * code built, atomically.
 */
final class GuardedConnection implements InvocationHandler {
    private final Connection target;
    private final StatementGuard guard;
    private final List<Statement> statements = new CopyOnWriteArrayList<>();
    private final Connection proxy;

    GuardedConnection(Connection target, StatementGuard guard) {
        this.target = target;
        this.guard = guard;
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class}, this);
    }

    Connection connection() {
        return proxy;
    }

    /** Unregisters the code's statements once the code returned. */
    void release() {
        statements.forEach(guard::leave);
        statements.clear();
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close", "commit", "setAutoCommit":
                // The engine commits the code's writes together with the publish, or not at all.
                return null;
            case "rollback":
                throw new SQLException("The engine owns this connection's transaction: throw an exception to roll back"
                    + " the version being built.");
            case "isClosed":
                return target.isClosed();
            default:
                break;
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Statement st) {
            statements.add(st);
            if (!guard.enter(st)) {
                throw new SQLException("the materialization was stopped (timeout or cancel)", "57014");
            }
        }
        return result;
    }
}
