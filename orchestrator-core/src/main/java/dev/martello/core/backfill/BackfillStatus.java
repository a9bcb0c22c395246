package dev.martello.core.backfill;

/** LAUNCHING while chunks remain to be queued; LAUNCHED once all are; CANCELED stops launching at once. */
public enum BackfillStatus {
    LAUNCHING, LAUNCHED, CANCELED
}
