package dev.martello.dsl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTemplateTest {

    private static String normalised(String sql) {
        return SqlTemplate.parse(sql, "m").normalised();
    }

    @Test
    void commentsAndWhiteSpaceDoNotCount() {
        assertThat(normalised("  select a,\n\tb -- the b\nfrom /* block\n comment */ t  ")).isEqualTo("select a, b from t");
    }

    @Test
    void stringLiteralsAreKeptAsWritten() {
        assertThat(normalised("select 'a--b' as x, 'it''s  /* not */ a comment' from t -- real"))
            .isEqualTo("select 'a--b' as x, 'it''s  /* not */ a comment' from t");
        assertThat(normalised("select 'a--b'")).isNotEqualTo(normalised("select 'a--c'"));
    }

    @Test
    void placeholdersStayInTheNormalisedText() {
        assertThat(normalised("select *\nfrom {{ ref('x') }}\nwhere ts >= {{ partition_start }}"))
            .isEqualTo("select * from {{ ref('x') }} where ts >= {{ partition_start }}");
    }

    @Test
    void anUnterminatedLiteralOrCommentEndsTheText() {
        assertThat(normalised("select 'open")).isEqualTo("select 'open");
        assertThat(normalised("select 1 /* open")).isEqualTo("select 1");
    }
}
