package dev.martello.core.observation;

import dev.martello.dsl.SourceKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What changed upstream, read in id order so an evaluator can keep a cursor: new data versions of sources (stored
 * here) and materializations (read from the run store's event log). Lives in the metadata database.
 */
public interface ObservationStore {

    /** Stores a new data version of {@code source}; returns it with its id. */
    SourceObservation record(SourceKey source, Instant observedAt, String dataVersion);

    /** The newest observation of every source observed so far. */
    Map<SourceKey, SourceObservation> latestObservations();

    /** Observations with an id above {@code afterId}, in id order, at most {@code limit}. */
    List<SourceObservation> observationsAfter(long afterId, int limit);

    /** The highest observation id, 0 when there is none. */
    long lastObservationId();

    /** Materialization events with an id above {@code afterEventId}, in id order, at most {@code limit}. */
    List<MaterializationEntry> materializationsAfter(long afterEventId, int limit);

    /** The highest event id in the event log, 0 when it is empty. */
    long lastEventId();
}
