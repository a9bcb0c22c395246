package dev.martello.core.observation;

import dev.martello.core.runs.AssetPartition;

import java.time.Instant;

/** A materialization read from the event log: its event id (the feed's cursor), the asset partition and when. */
public record MaterializationEntry(long eventId, AssetPartition target, Instant at) {
}
