package dev.martello.core.selection;

import dev.martello.core.graph.AssetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Evaluation of every operator on {@link TestGraphs#shop()}; expected keys are listed in node order. */
class SelectionEvaluationTest {
    private static final AssetGraph SHOP = TestGraphs.shop();

    private static List<String> select(String expression) {
        return TestGraphs.keys(SHOP, new Selector(SHOP).select(SelectionParser.parse(expression)));
    }

    private static List<String> list(String keys) {
        return keys.isBlank() ? List.of() : Arrays.asList(keys.strip().split("\\s+"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        commerce/orders       | commerce/orders
        Commerce/Orders       | commerce/orders
        raw_commerce.orders   | raw_commerce.orders
        commerce/*            | commerce/orders commerce/payments
        *orders*              | raw_commerce.orders commerce/orders
        raw_commerce.*        | raw_commerce.orders raw_commerce.payments
        core/*e*              | core/customers core/revenue
        *e*t                  | growth/experiment
        """)
    void keyPatternsMatchWholeKeys(String expression, String expected) {
        assertThat(select(expression)).containsExactlyElementsOf(list(expected));
    }

    @Test
    void aLoneWildcardSelectsEveryNode() {
        assertThat(select("*")).hasSize(SHOP.size());
    }

    @Test
    void aWildcardThatMatchesNothingIsEmpty() {
        assertThat(select("nothing/*")).isEmpty();
        assertThat(select("mart:nothing*")).isEmpty();
        assertThat(select("owner:nobody*")).isEmpty();
        assertThat(select("tag:nothing")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        +core/gmv_daily        | raw_commerce.orders raw_commerce.payments commerce/orders commerce/payments \
                                 core/gmv_daily
        +1core/gmv_daily       | commerce/orders commerce/payments core/gmv_daily
        +2core/gmv_daily       | raw_commerce.orders raw_commerce.payments commerce/orders commerce/payments \
                                 core/gmv_daily
        +99core/gmv_daily      | raw_commerce.orders raw_commerce.payments commerce/orders commerce/payments \
                                 core/gmv_daily
        commerce/orders+       | commerce/orders core/gmv_daily core/customers core/revenue growth/experiment
        commerce/orders+1      | commerce/orders core/gmv_daily core/customers
        commerce/orders+2      | commerce/orders core/gmv_daily core/customers core/revenue
        +raw_commerce.orders   | raw_commerce.orders
        growth/experiment+     | growth/experiment
        +1core/revenue+1       | core/gmv_daily core/revenue growth/experiment
        """)
    void traversalsFollowEdgesUpToTheirDepth(String expression, String expected) {
        assertThat(select(expression)).containsExactlyElementsOf(list(expected));
    }

    @Test
    void bothSidesWalkFromTheOperandSoSiblingsStayOut() {
        // core/customers shares an upstream with core/gmv_daily but is neither its upstream nor its downstream.
        assertThat(select("+core/gmv_daily+")).containsExactly("raw_commerce.orders", "raw_commerce.payments",
            "commerce/orders", "commerce/payments", "core/gmv_daily", "core/revenue", "growth/experiment");
    }

    @Test
    void traversalsApplyToParenthesisedGroups() {
        assertThat(select("+(mart:core and tag:tier=1)")).containsExactly("raw_commerce.orders",
            "raw_commerce.payments", "commerce/orders", "commerce/payments", "core/gmv_daily");
        assertThat(select("(tag:pii)+1")).containsExactly("commerce/payments", "core/gmv_daily", "growth/experiment");
        assertThat(select("tag:pii+")).containsExactly("commerce/payments", "core/gmv_daily", "core/revenue",
            "growth/experiment");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        mart:core                 | core/gmv_daily core/customers core/revenue
        MART:Core                 | core/gmv_daily core/customers core/revenue
        mart:commerce             | raw_commerce.orders raw_commerce.payments commerce/orders commerce/payments
        mart:c*                   | raw_commerce.orders raw_commerce.payments commerce/orders commerce/payments \
                                    core/gmv_daily core/customers core/revenue
        owner:commerce-data       | raw_commerce.orders raw_commerce.payments commerce/orders commerce/payments
        owner:team:core-data      | core/gmv_daily core/revenue
        owner:ana@example.com     | core/gmv_daily core/revenue
        owner:BOB@example.com     | core/customers
        owner:*-data              | raw_commerce.orders raw_commerce.payments commerce/orders commerce/payments \
                                    core/gmv_daily core/revenue
        owner:team:g*             | growth/experiment
        tag:tier                  | commerce/orders core/gmv_daily core/customers
        tag:tier=1                | commerce/orders core/gmv_daily
        tag:tier=*                | commerce/orders core/gmv_daily core/customers
        tag:t*=2                  | core/customers
        tag:pii                   | commerce/payments growth/experiment
        tag:tier=3                | ''
        kind:table                | commerce/orders core/customers growth/experiment
        kind:view                 | commerce/payments core/revenue
        kind:incremental          | core/gmv_daily
        kind:source               | raw_commerce.orders raw_commerce.payments
        kind:application          | raw_commerce.orders raw_commerce.payments commerce/orders commerce/payments
        kind:integrated           | core/gmv_daily core/customers core/revenue
        KIND:Project              | growth/experiment
        """)
    void filtersScanEveryNode(String expression, String expected) {
        assertThat(select(expression)).containsExactlyElementsOf(list(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        not mart:commerce                          | core/gmv_daily core/customers core/revenue growth/experiment
        not not mart:core                          | core/gmv_daily core/customers core/revenue
        mart:core and tag:tier=1                   | core/gmv_daily
        mart:commerce or mart:growth               | raw_commerce.orders raw_commerce.payments commerce/orders \
                                                     commerce/payments growth/experiment
        mart:growth or mart:core and tag:tier=1    | core/gmv_daily growth/experiment
        (mart:growth or mart:core) and tag:tier=1  | core/gmv_daily
        not mart:commerce and not mart:growth      | core/gmv_daily core/customers core/revenue
        not (mart:commerce or mart:growth)         | core/gmv_daily core/customers core/revenue
        mart:core AND NOT tag:tier=1 OR kind:source | raw_commerce.orders raw_commerce.payments core/customers \
                                                      core/revenue
        tag:tier and tag:pii                       | ''
        +core/revenue and not kind:source and not mart:core | commerce/orders commerce/payments
        """)
    void booleanOperatorsFollowPrecedence(String expression, String expected) {
        assertThat(select(expression)).containsExactlyElementsOf(list(expected));
    }

    @Test
    void theResultIsAFreshSetTheCallerMayChange() {
        Selector selector = new Selector(SHOP);
        Selection s = SelectionParser.parse("mart:core");
        selector.select(s).clear();
        assertThat(selector.select(s).cardinality()).isEqualTo(3);
    }
}
