package dev.martello.dsl;

import java.util.Locale;

/** How an asset is written to the warehouse. */
public enum MaterializationKind {
    /** A table rebuilt in full on every run and published atomically. */
    TABLE,
    /** A view; cheap to publish, computed at read time. */
    VIEW,
    /** A partitioned table whose partitions are replaced one at a time (delete + insert in one transaction). */
    INCREMENTAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
