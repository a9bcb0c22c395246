package dev.martello.core.execution;

import dev.martello.core.runs.FailureKind;
import dev.martello.core.warehouse.ComputeException;
import dev.martello.core.warehouse.MaterializationCancelledException;
import dev.martello.core.warehouse.VersionRejectedException;
import dev.martello.core.warehouse.WarehouseException;

/**
 * Turns what a materialization threw into a {@link Failure}, so every step error says whether user code, the
 * warehouse or the orchestrator failed, in the warehouse's own words where it has any.
 *
 * <p>Only failures that can pass are retried: a warehouse failure (a lost connection, a lock timeout) or an
 * exception from an asset's Java code (it may call a flaky service). A rejected version, a statement the warehouse
 * refused (a syntax error stays one), a timeout and a cancellation are final. A refused statement is the analyst's
 * only when it carried the asset's own SQL; one the engine wrote (a publish, a cleanup) is the orchestrator's.
 */
final class FailureClassifier {
    private FailureClassifier() {
    }

    static Failure classify(Throwable e) {
        return switch (e) {
            case VersionRejectedException v when !v.mismatches().isEmpty() ->
                new Failure(FailureKind.CONTRACT, "contract: " + v.getMessage(), false);
            case VersionRejectedException v -> new Failure(FailureKind.CHECK, "check: " + v.getMessage(), false);
            case ComputeException c -> new Failure(FailureKind.USER_CODE, "user code: " + c.getMessage(), true);
            case WarehouseException w when w.statementRejected() && w.userStatement() -> new Failure(
                FailureKind.USER_CODE, "user code: the asset's SQL was rejected by the warehouse: "
                + w.warehouseMessage(), false);
            case WarehouseException w when w.statementRejected() -> Failure.orchestrator("the warehouse rejected a"
                + " statement Martello wrote (not the asset's SQL; please report it with this message): "
                + w.warehouseMessage() + (w.statement() == null ? "" : " — statement: " + w.statement()));
            case WarehouseException w -> new Failure(FailureKind.WAREHOUSE, "warehouse: " + w.getMessage(), true);
            case MaterializationCancelledException m when m.timedOut() ->
                new Failure(FailureKind.TIMEOUT, "timeout: " + m.getMessage(), false);
            case MaterializationCancelledException m ->
                new Failure(FailureKind.CANCELED, "canceled: " + m.getMessage(), false);
            default -> Failure.orchestrator(describe(e));
        };
    }

    /** An unexpected exception: its type says more than its message alone (a NullPointerException may have none). */
    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
