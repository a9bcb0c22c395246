package dev.martello.core.selection;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.SourceKey;
import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one-call entry points, the "did you mean" errors, and a large graph. */
class SelectionsTest {
    private static final AssetGraph SHOP = TestGraphs.shop();

    @Test
    void selectsNodeIds() {
        BitSet nodes = Selections.select(SHOP, "+commerce/orders");
        assertThat(nodes.stream().toArray()).containsExactly(
            SHOP.indexOf(SourceKey.parse("raw_commerce.orders")), SHOP.indexOf(AssetKey.parse("commerce/orders")));
    }

    @Test
    void listsAssetKeysInGraphOrderWithoutSources() {
        assertThat(Selections.assetKeys(SHOP, "core/revenue or +commerce/payments")).containsExactly(
            AssetKey.parse("commerce/payments"), AssetKey.parse("core/revenue"));
        assertThat(Selections.keys(SHOP, Selections.select(SHOP, "+commerce/payments"))).containsExactly(
            (NodeKey) SourceKey.parse("raw_commerce.payments"), AssetKey.parse("commerce/payments"));
    }

    @Test
    void anExactKeyThatMatchesNothingSuggestsTheClosest() {
        UnknownKeyException e = catchThrowableOfType(UnknownKeyException.class,
            () -> Selections.select(SHOP, "+commerce/order"));
        assertThat(e).hasMessage("No asset or source matches 'commerce/order'. Did you mean 'commerce/orders'?");
        assertThat(e.name()).isEqualTo("commerce/order");
        assertThat(e.suggestion()).contains("commerce/orders");
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyInTheWrongMartOrWithoutOneSuggestsTheAssetWithThatName() {
        assertThatThrownBy(() -> Selections.select(SHOP, "core/orders"))
            .hasMessage("No asset or source matches 'core/orders'. Did you mean 'commerce/orders'?");
        assertThatThrownBy(() -> Selections.select(SHOP, "orders"))
            .hasMessage("No asset or source matches 'orders'. Did you mean 'commerce/orders'?");
        assertThatThrownBy(() -> Selections.select(SHOP, "raw.orders"))
            .hasMessage("No asset or source matches 'raw.orders'. Did you mean 'raw_commerce.orders'?");
        assertThatThrownBy(() -> Selections.select(SHOP, "raw_commerce/orders"))
            .hasMessage("No asset or source matches 'raw_commerce/orders'. Did you mean 'raw_commerce.orders'?");
    }

    @Test
    void anExactKeyWithNothingCloseSaysSo() {
        UnknownKeyException e = catchThrowableOfType(UnknownKeyException.class,
            () -> Selections.select(SHOP, "mart:core or finance/ledger"));
        assertThat(e).hasMessage("No asset or source matches 'finance/ledger'.");
        assertThat(e.suggestion()).isEmpty();
    }

    @Test
    void anUnknownMartSuggestsAMartName() {
        assertThatThrownBy(() -> Selections.select(SHOP, "mart:comerce"))
            .isInstanceOf(UnknownKeyException.class)
            .hasMessage("No mart is named 'comerce'. Did you mean 'commerce'?");
        assertThatThrownBy(() -> Selections.select(SHOP, "mart:finance")).hasMessage("No mart is named 'finance'.");
    }

    @Test
    void anUnknownOwnerSuggestsAnOwner() {
        assertThatThrownBy(() -> Selections.select(SHOP, "owner:comerce-data"))
            .isInstanceOf(UnknownKeyException.class)
            .hasMessage("No asset or source is owned by 'comerce-data'. Did you mean 'commerce-data'?");
        assertThatThrownBy(() -> Selections.select(SHOP, "owner:ana@example.org"))
            .hasMessage("No asset or source is owned by 'ana@example.org'. Did you mean 'ana@example.com'?");
    }

    @Test
    void unknownNamesFailEvenUnderNot() {
        // 'not commerce/order' would otherwise select everything because of a typo.
        assertThatThrownBy(() -> Selections.select(SHOP, "not commerce/order"))
            .hasMessage("No asset or source matches 'commerce/order'. Did you mean 'commerce/orders'?");
    }

    @Test
    void syntaxErrorsComeThrough() {
        assertThatThrownBy(() -> Selections.select(SHOP, "mart:core and"))
            .isInstanceOf(SelectionSyntaxException.class);
    }

    @Test
    void upstreamOfTheLastNodeOfALongChainIsTheWholeChain() {
        AssetGraph chain = TestGraphs.chain(10_000);
        BitSet nodes = Selections.select(chain, "+chain/a9999");
        assertThat(nodes.cardinality()).isEqualTo(chain.size()).isEqualTo(10_001);
        assertThat(Selections.select(chain, "+3chain/a9999").cardinality()).isEqualTo(4);
        assertThat(Selections.select(chain, "raw.start+").cardinality()).isEqualTo(10_001);
    }

    @Test
    void upstreamOfTheSinkOfALayeredGraphIsEverything() {
        AssetGraph graph = TestGraphs.layered(1_000, 10);
        assertThat(Selections.select(graph, "+big/sink").cardinality()).isEqualTo(graph.size()).isEqualTo(10_002);
        assertThat(Selections.select(graph, "+2big/sink").cardinality()).isEqualTo(1 + 10 + 10);
        // Level d above l999_0 holds indices 0..d of its layer, so three levels add 2 + 3 + 4 nodes.
        assertThat(Selections.select(graph, "+3big/" + TestGraphs.name(999, 0)).cardinality()).isEqualTo(10);
        // Downstream of l0_0 fans out by one index per layer: layers 0..8 miss 9 + 8 + ... + 1 = 45 nodes.
        assertThat(Selections.select(graph, "big/l0_0+").cardinality()).isEqualTo(10_001 - 45);
        assertThat(Selections.select(graph, "mart:big and not kind:source").cardinality()).isEqualTo(10_001);
    }
}
