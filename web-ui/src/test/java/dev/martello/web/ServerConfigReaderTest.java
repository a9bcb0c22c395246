package dev.martello.web;

import dev.martello.web.auth.Role;
import dev.martello.web.auth.SecretHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigReaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("server.yaml"), yaml);
    }

    @Test
    void readsUsersAndTokens() throws Exception {
        String hash = SecretHasher.hash("secret-password".toCharArray());
        ServerConfig c = new ServerConfigReader().read(write("""
            port: 9090
            auth:
              users:
                - name: alice
                  role: operator
                  passwordHash: "%s"
              tokens:
                - { name: ci, role: VIEWER, secretHash: "%s" }
            """.formatted(hash, hash)));
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.auth().open()).isFalse();
        assertThat(c.auth().users().getFirst().role()).isEqualTo(Role.OPERATOR);
        assertThat(c.auth().tokens().getFirst().role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void namesTheLineAndFieldOfAMistake() throws Exception {
        Path f = write("""
            port: 9090
            auth:
              users:
                - name: alice
                  role: boss
                  passwordHash: x
            """);
        assertThatThrownBy(() -> new ServerConfigReader().read(f)).isInstanceOf(ServerConfigException.class)
            .hasMessage(f + " line 5, field 'auth.users[0].role': value 'boss' is not valid. Allowed: viewer,"
                + " operator, admin.");
        Path typo = write("prot: 1\n");
        assertThatThrownBy(() -> new ServerConfigReader().read(typo))
            .hasMessageStartingWith(typo + " line 1, field 'prot': unknown field 'prot'. Known fields here:");
    }

    @Test
    void refusesASecretInClearText() throws Exception {
        Path f = write("""
            auth:
              users:
                - name: alice
                  role: viewer
                  passwordHash: hunter22
            """);
        assertThatThrownBy(() -> new ServerConfigReader().read(f)).hasMessage(f + " line 5, field"
            + " 'auth.users[0].passwordHash': not a hash. Store hashes, never passwords: run 'martello hash-secret'"
            + " and paste its output.");
    }
}
