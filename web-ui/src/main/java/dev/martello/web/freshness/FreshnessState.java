package dev.martello.web.freshness;

/** Where an asset stands against its freshness policy; UNKNOWN when it has no policy to judge by. */
public enum FreshnessState {
    PASS, WARN, FAIL, UNKNOWN
}
