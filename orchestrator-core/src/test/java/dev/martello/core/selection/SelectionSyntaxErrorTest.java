package dev.martello.core.selection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Parse errors: the full text is API (the CLI prints it as is), so every case asserts all of it. */
class SelectionSyntaxErrorTest {

    private static SelectionSyntaxException error(String expression) {
        return catchThrowableOfType(SelectionSyntaxException.class, () -> SelectionParser.parse(expression));
    }

    @Test
    void emptyInput() {
        assertThat(error("")).hasMessage("Selection error at column 1: the selection is empty; expected a key, mart:,"
            + " owner:, tag:, kind:, 'not' or '('.\n  \n  ^");
        assertThat(error("   ").column()).isEqualTo(1);
        assertThat(error(null).column()).isEqualTo(1);
    }

    @Test
    void danglingOperator() {
        assertThat(error("mart:core and")).hasMessage("""
            Selection error at column 14: expected a key, mart:, owner:, tag:, kind:, 'not' or '(' after 'and', \
            found end of input.
              mart:core and
                           ^""");
        assertThat(error("mart:core and or tag:pii")).hasMessage("""
            Selection error at column 15: expected a key, mart:, owner:, tag:, kind:, 'not' or '(' after 'and', \
            found 'or'.
              mart:core and or tag:pii
                            ^""");
        assertThat(error("not")).hasMessage("""
            Selection error at column 4: expected a key, mart:, owner:, tag:, kind:, 'not' or '(' after 'not', \
            found end of input.
              not
                 ^""");
        assertThat(error("or tag:pii")).hasMessage("""
            Selection error at column 1: expected a key, mart:, owner:, tag:, kind:, 'not' or '(', found 'or'.
              or tag:pii
              ^""");
    }

    @Test
    void unbalancedParentheses() {
        assertThat(error("(mart:core or tag:pii")).hasMessage("""
            Selection error at column 22: expected ')' to close the '(' at column 1, found end of input.
              (mart:core or tag:pii
                                   ^""");
        assertThat(error("mart:core and (tag:pii kind:view)")).hasMessage("""
            Selection error at column 24: expected ')' to close the '(' at column 15, found 'kind:view'.
              mart:core and (tag:pii kind:view)
                                     ^""");
        assertThat(error("mart:core)")).hasMessage("""
            Selection error at column 10: found ')' with no matching '('.
              mart:core)
                       ^""");
        assertThat(error("()")).hasMessage("""
            Selection error at column 2: expected a key, mart:, owner:, tag:, kind:, 'not' or '(' after '(', \
            found ')'.
              ()
               ^""");
    }

    @Test
    void unknownPrefix() {
        assertThat(error("tag:pii or mrat:core")).hasMessage("""
            Selection error at column 12: unknown prefix 'mrat:'; the prefixes are mart:, owner:, tag: and kind:. \
            Did you mean 'mart:'?
              tag:pii or mrat:core
                         ^""");
        assertThat(error("colour:red")).hasMessage("""
            Selection error at column 1: unknown prefix 'colour:'; the prefixes are mart:, owner:, tag: and kind:.
              colour:red
              ^""");
    }

    @Test
    void plusWithoutOperand() {
        assertThat(error("+")).hasMessage("""
            Selection error at column 2: expected a key, mart:, owner:, tag:, kind: or '(' after '+', \
            found end of input.
              +
               ^""");
        assertThat(error("mart:core or +2")).hasMessage("""
            Selection error at column 16: expected a key, mart:, owner:, tag:, kind: or '(' after '+2', \
            found end of input.
              mart:core or +2
                             ^""");
        assertThat(error("+not mart:core")).hasMessage("""
            Selection error at column 2: expected a key, mart:, owner:, tag:, kind: or '(' after '+', found 'not'.
              +not mart:core
               ^""");
        assertThat(error("commerce/orders++")).hasMessage("""
            Selection error at column 17: expected 'and', 'or' or end of input after '+', found '+'.
              commerce/orders++
                              ^""");
    }

    @Test
    void badDepth() {
        assertThat(error("+0commerce/orders")).hasMessage("""
            Selection error at column 2: depth must be at least 1, found '0'; leave the '+' out to select no \
            neighbours.
              +0commerce/orders
               ^""");
        assertThat(error("commerce/orders+1234567890")).hasMessage("""
            Selection error at column 17: depth '1234567890' is too large; write a bare '+' to follow every level.
              commerce/orders+1234567890
                              ^""");
    }

    @Test
    void trailingGarbage() {
        assertThat(error("mart:core tag:pii")).hasMessage("""
            Selection error at column 11: expected 'and', 'or' or end of input after 'mart:core', found 'tag:pii'.
              mart:core tag:pii
                        ^""");
        assertThat(error("commerce/orders+2x")).hasMessage("""
            Selection error at column 18: expected 'and', 'or' or end of input after '+2', found 'x'.
              commerce/orders+2x
                               ^""");
    }

    @Test
    void badCharacters() {
        assertThat(error("commerce/orders@")).hasMessage("""
            Selection error at column 16: '@' cannot appear in a key; keys are 'mart/name' for assets and \
            'schema.table' for sources, with '*' as a wildcard.
              commerce/orders@
                             ^""");
        assertThat(error("mart:core-data")).hasMessage("""
            Selection error at column 10: '-' cannot appear in a mart name; mart names hold letters, digits, '_' \
            and '*'.
              mart:core-data
                       ^""");
        assertThat(error("owner:ana!x")).hasMessage("""
            Selection error at column 10: '!' cannot appear in an owner; owners are team names, 'team:name' or \
            e-mail addresses.
              owner:ana!x
                       ^""");
    }

    @Test
    void missingValues() {
        assertThat(error("mart:")).hasMessage("""
            Selection error at column 6: 'mart:' needs a mart name, e.g. 'mart:commerce'.
              mart:
                   ^""");
        assertThat(error("owner: and tag:pii")).hasMessage("""
            Selection error at column 7: 'owner:' needs an owner, e.g. 'owner:commerce-data' or \
            'owner:ana@example.com'.
              owner: and tag:pii
                    ^""");
        assertThat(error("tag:=1")).hasMessage("""
            Selection error at column 5: 'tag:' needs a tag name, e.g. 'tag:pii' or 'tag:tier=1'.
              tag:=1
                  ^""");
        assertThat(error("tag:tier=")).hasMessage("""
            Selection error at column 10: 'tag:tier=' needs a value, e.g. 'tag:tier=1', or write 'tag:tier' for any \
            value.
              tag:tier=
                       ^""");
        assertThat(error("kind:")).hasMessage("""
            Selection error at column 6: 'kind:' needs a kind: table, view, incremental, source, application, \
            integrated, project.
              kind:
                   ^""");
    }

    @Test
    void unknownKind() {
        assertThat(error("mart:core and kind:tabel")).hasMessage("""
            Selection error at column 20: unknown kind 'tabel'; the kinds are table, view, incremental, source, \
            application, integrated, project. Did you mean 'table'?
              mart:core and kind:tabel
                                 ^""");
        assertThat(error("kind:mart").problem()).isEqualTo("unknown kind 'mart'; the kinds are table, view,"
            + " incremental, source, application, integrated, project.");
    }

    @Test
    void theCaretStaysUnderTheColumnWhenTheInputHasTabs() {
        assertThat(error("mart:core\tand")).hasMessage("""
            Selection error at column 14: expected a key, mart:, owner:, tag:, kind:, 'not' or '(' after 'and', \
            found end of input.
              mart:core and
                           ^""");
    }

    @Test
    void tooDeepANestingIsASyntaxErrorNotAStackOverflow() {
        String deep = "(".repeat(101) + "a/b" + ")".repeat(101);
        SelectionSyntaxException e = error(deep);
        assertThat(e.column()).isEqualTo(101);
        assertThat(e.problem()).isEqualTo("the selection nests 'not' and parentheses more than 100 levels deep.");
        assertThat(SelectionParser.parse("(".repeat(100) + "a/b" + ")".repeat(100))).hasToString("a/b");
    }

    @Test
    void exposesItsPartsAndIsAnIllegalArgumentException() {
        SelectionSyntaxException e = error("mart:core and");
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.input()).isEqualTo("mart:core and");
        assertThat(e.column()).isEqualTo(14);
        assertThat(e.problem()).isEqualTo("expected a key, mart:, owner:, tag:, kind:, 'not' or '(' after 'and',"
            + " found end of input.");
    }
}
