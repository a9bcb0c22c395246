package dev.martello.web;

/** The server configuration file is missing, malformed or unsafe; the message names the file, line and field. */
public final class ServerConfigException extends RuntimeException {
    public ServerConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
