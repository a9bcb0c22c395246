package dev.martello.web;

import dev.martello.web.auth.AuthConfig;

/**
 * The server's own configuration file ({@code server.yaml}): where it listens and who may use it. Workspaces are
 * given by the composition root ({@code martello dev}, {@code martello serve}).
 *
 * <pre>{@code
 * host: 127.0.0.1
 * port: 8080
 * auth:
 *   users:
 *     - { name: alice, role: operator, passwordHash: "pbkdf2-sha256$210000$…" }
 *   tokens:
 *     - { name: ci, role: operator, secretHash: "pbkdf2-sha256$210000$…" }
 * }</pre>
 */
public record ServerConfig(String host, Integer port, AuthConfig auth) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        host = host == null ? DEFAULT_HOST : host;
        port = port == null ? DEFAULT_PORT : port;
        auth = auth == null ? AuthConfig.of(null, null) : auth;
    }
}
