package dev.martello.core.daemon;

import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;

/** {@code chain/a → chain/b → chain/c}, where b and c follow their upstream eagerly. */
public final class EagerChainMarts implements MartDefinition {
    @Override
    public Mart define() {
        return Mart.integrated("chain").owner("team:platform")
            .asset("a", a -> a.sql("select 1 as x"))
            .asset("b", a -> a.automation(AutomationPolicy.eager()).sql("select x + 1 as x from {{ ref('a') }}"))
            .asset("c", a -> a.automation(AutomationPolicy.eager()).sql("select x + 1 as x from {{ ref('b') }}"))
            .build();
    }
}
