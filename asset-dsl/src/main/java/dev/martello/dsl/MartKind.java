package dev.martello.dsl;

import java.util.Locale;

/** The three categories of mart, after Whatnot's practice; the mart rules depend on them. */
public enum MartKind {
    /** Exposes one producer's data and holds no logic external to that system. */
    APPLICATION,
    /** Reads sources and other marts' exposed assets to build integrated views. */
    INTEGRATED,
    /** Made at short notice with small scope and loose SLAs; nothing outside it may depend on it. */
    PROJECT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
