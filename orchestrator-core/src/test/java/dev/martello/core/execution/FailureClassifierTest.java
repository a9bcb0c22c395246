package dev.martello.core.execution;

import dev.martello.core.runs.FailureKind;
import dev.martello.core.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who failed, from the exception alone. Rejected versions, Java code failures, timeouts and cancellations come from
 * the warehouse package and are classified in the tests that provoke them for real (StepFailureTest).
 */
class FailureClassifierTest {
    static WarehouseException warehouse(String message, String sqlState) {
        return new WarehouseException("postgresql", "while materializing 'core/gmv'", message, sqlState,
            "create table …", sqlState != null && sqlState.startsWith("42"), true, null);
    }

    @Test
    void aStatementTheWarehouseRejectedIsTheAssetsSqlAndFinal() {
        Failure f = FailureClassifier.classify(warehouse("ERROR: relation \"raw.x\" does not exist", "42P01"));

        assertThat(f).isEqualTo(new Failure(FailureKind.USER_CODE,
            "user code: the asset's SQL was rejected by the warehouse: ERROR: relation \"raw.x\" does not exist",
            false));
    }

    @Test
    void aRejectedStatementTheEngineWroteIsTheOrchestratorsNotTheAnalysts() {
        WarehouseException publish = new WarehouseException("postgresql", "while materializing 'core/gmv'",
            "ERROR: relation \"core.gmv__v1\" does not exist", "42P01", "alter table core.gmv__v1 rename to gmv",
            null);

        assertThat(FailureClassifier.classify(publish)).isEqualTo(new Failure(FailureKind.ORCHESTRATOR,
            "orchestrator: the warehouse rejected a statement Martello wrote (not the asset's SQL; please report it"
                + " with this message): ERROR: relation \"core.gmv__v1\" does not exist — statement: alter table"
                + " core.gmv__v1 rename to gmv", false));
    }

    @Test
    void anyOtherWarehouseFailureIsTheWarehousesAndMayPass() {
        Failure f = FailureClassifier.classify(warehouse("FATAL: terminating connection due to administrator command",
            "57P01"));

        assertThat(f).isEqualTo(new Failure(FailureKind.WAREHOUSE, "warehouse: The warehouse (postgresql) failed while"
            + " materializing 'core/gmv': FATAL: terminating connection due to administrator command [SQL state 57P01]",
            true));
    }

    @Test
    void aWarehouseFailureWithoutStateIsTheWarehouses() {
        assertThat(FailureClassifier.classify(warehouse("IO Error: disk full", null)).kind())
            .isEqualTo(FailureKind.WAREHOUSE);
    }

    @Test
    void anythingElseIsTheOrchestratorsWithItsType() {
        assertThat(FailureClassifier.classify(new IllegalStateException("no plan"))).isEqualTo(
            new Failure(FailureKind.ORCHESTRATOR, "orchestrator: IllegalStateException: no plan", false));
        assertThat(FailureClassifier.classify(new NullPointerException()).message())
            .isEqualTo("orchestrator: NullPointerException");
    }
}
