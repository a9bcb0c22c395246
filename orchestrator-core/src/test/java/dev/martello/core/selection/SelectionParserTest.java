package dev.martello.core.selection;

import dev.martello.core.selection.Selection.And;
import dev.martello.core.selection.Selection.KeyPattern;
import dev.martello.core.selection.Selection.KindFilter;
import dev.martello.core.selection.Selection.MartFilter;
import dev.martello.core.selection.Selection.Not;
import dev.martello.core.selection.Selection.Or;
import dev.martello.core.selection.Selection.OwnerFilter;
import dev.martello.core.selection.Selection.TagFilter;
import dev.martello.core.selection.Selection.Traversal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tree the parser builds and the canonical text it prints. */
class SelectionParserTest {

    @Test
    void atoms() {
        assertThat(SelectionParser.parse("Commerce/Orders")).isEqualTo(new KeyPattern("commerce/orders"));
        assertThat(SelectionParser.parse("raw_commerce.*")).isEqualTo(new KeyPattern("raw_commerce.*"));
        assertThat(SelectionParser.parse("Mart:Core")).isEqualTo(new MartFilter("core"));
        assertThat(SelectionParser.parse("owner:team:core-data")).isEqualTo(new OwnerFilter("team:core-data"));
        assertThat(SelectionParser.parse("owner:Ana@Example.com")).isEqualTo(new OwnerFilter("ana@example.com"));
        assertThat(SelectionParser.parse("tag:pii")).isEqualTo(new TagFilter("pii", null));
        assertThat(SelectionParser.parse("TAG:Tier=Gold")).isEqualTo(new TagFilter("Tier", "Gold"));
        assertThat(SelectionParser.parse("tag:expr=a=b")).isEqualTo(new TagFilter("expr", "a=b"));
        assertThat(SelectionParser.parse("kind:Source")).isEqualTo(new KindFilter(KindFilter.Kind.SOURCE));
    }

    @Test
    void plusTakesTheDigitsRightAfterIt() {
        KeyPattern orders = new KeyPattern("commerce/orders");
        assertThat(SelectionParser.parse("+commerce/orders")).isEqualTo(new Traversal(orders, Traversal.ALL, 0));
        assertThat(SelectionParser.parse("commerce/orders+")).isEqualTo(new Traversal(orders, 0, Traversal.ALL));
        assertThat(SelectionParser.parse("+2commerce/orders+13")).isEqualTo(new Traversal(orders, 2, 13));
        assertThat(SelectionParser.parse("+commerce/orders+1")).isEqualTo(new Traversal(orders, Traversal.ALL, 1));
        assertThat(SelectionParser.parse("+02commerce/orders")).isEqualTo(new Traversal(orders, 2, 0));
        assertThat(SelectionParser.parse("+ commerce/orders")).isEqualTo(new Traversal(orders, Traversal.ALL, 0));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(SelectionParser.parse("a/b or c/d and not e/f")).isEqualTo(new Or(List.of(new KeyPattern("a/b"),
            new And(List.of(new KeyPattern("c/d"), new Not(new KeyPattern("e/f")))))));
        assertThat(SelectionParser.parse("not a/b and c/d")).isEqualTo(
            new And(List.of(new Not(new KeyPattern("a/b")), new KeyPattern("c/d"))));
    }

    @Test
    void chainsOfOneOperatorAreFlat() {
        assertThat(SelectionParser.parse("a/b and c/d and e/f")).isEqualTo(new And(List.of(new KeyPattern("a/b"),
            new KeyPattern("c/d"), new KeyPattern("e/f"))));
        assertThat(SelectionParser.parse("a/b or c/d OR e/f")).isEqualTo(new Or(List.of(new KeyPattern("a/b"),
            new KeyPattern("c/d"), new KeyPattern("e/f"))));
    }

    @Test
    void aGroupOfTheSameOperatorIsSplicedIn() {
        assertThat(SelectionParser.parse("a/b and (c/d and e/f)"))
            .isEqualTo(SelectionParser.parse("a/b and c/d and e/f"));
        assertThat(SelectionParser.parse("(a/b or c/d) or e/f")).isEqualTo(SelectionParser.parse("a/b or c/d or e/f"));
        assertThat(SelectionParser.parse("a/b and (c/d or e/f)")).isEqualTo(new And(List.of(new KeyPattern("a/b"),
            new Or(List.of(new KeyPattern("c/d"), new KeyPattern("e/f"))))));
    }

    @Test
    void parenthesesGroupAndVanishFromTheTree() {
        assertThat(SelectionParser.parse("((a/b))")).isEqualTo(new KeyPattern("a/b"));
        assertThat(SelectionParser.parse("+(mart:core and tag:tier=1)")).isEqualTo(new Traversal(
            new And(List.of(new MartFilter("core"), new TagFilter("tier", "1"))), Traversal.ALL, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Commerce/Orders                                   | commerce/orders
        +2commerce/orders+3                               | +2commerce/orders+3
        a/b or c/d and not e/f                            | a/b or c/d and not e/f
        (a/b or c/d) and e/f                              | (a/b or c/d) and e/f
        a/b and (c/d and e/f)                             | a/b and c/d and e/f
        NOT (a/b AND c/d)                                 | not (a/b and c/d)
        not not a/b                                       | not not a/b
        +( mart:core   and tag:tier=1 )                   | +(mart:core and tag:tier=1)
        +(+a/b)                                           | +(+a/b)
        (not a/b)+2                                       | (not a/b)+2
        (a/b)+                                            | a/b+
        mart:core and(tag:pii or kind:VIEW)               | mart:core and (tag:pii or kind:view)
        owner:Commerce-Data or tag:tier=1                 | owner:commerce-data or tag:tier=1
        """)
    void printsACanonicalFormThatParsesBackToTheSameTree(String expression, String canonical) {
        Selection parsed = SelectionParser.parse(expression);
        assertThat(parsed).hasToString(canonical);
        assertThat(SelectionParser.parse(parsed.toString())).isEqualTo(parsed);
    }

    @Test
    void aTraversalNeedsADirection() {
        assertThatThrownBy(() -> new Traversal(new KeyPattern("a/b"), 0, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("a traversal needs a positive upstream or downstream depth, got 0 and 0");
    }

    @Test
    void andAndOrNeedTwoOperands() {
        assertThatThrownBy(() -> new And(List.of(new KeyPattern("a/b"))))
            .hasMessage("'and' needs at least two operands, got 1");
        assertThatThrownBy(() -> new Or(List.of())).hasMessage("'or' needs at least two operands, got 0");
    }
}
