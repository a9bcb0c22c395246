package dev.martello.web.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretHasherTest {
    @Test
    void hashesWithASaltAndVerifies() {
        String a = SecretHasher.hash("correct horse".toCharArray());
        String b = SecretHasher.hash("correct horse".toCharArray());
        assertThat(a).startsWith("pbkdf2-sha256$210000$").isNotEqualTo(b).doesNotContain("correct");
        assertThat(SecretHasher.matches("correct horse".toCharArray(), a)).isTrue();
        assertThat(SecretHasher.matches("correct hors".toCharArray(), a)).isFalse();
        assertThat(SecretHasher.isWellFormed(a)).isTrue();
        assertThat(SecretHasher.isWellFormed("correct horse")).isFalse();
        assertThat(SecretHasher.matches("x".toCharArray(), "plain-text")).isFalse();
    }
}
