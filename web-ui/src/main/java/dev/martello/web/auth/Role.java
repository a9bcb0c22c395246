package dev.martello.web.auth;

import java.util.Locale;

/**
 * What a user or token may do, each role including the ones before it: viewers (stakeholders) read, operators also
 * launch, cancel, backfill, pause and reload, admins also manage the server.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
