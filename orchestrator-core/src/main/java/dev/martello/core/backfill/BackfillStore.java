package dev.martello.core.backfill;

import dev.martello.dsl.AssetKey;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where backfills are kept (the metadata database); thread-safe. */
public interface BackfillStore {
    void create(Backfill backfill);

    Optional<Backfill> backfill(String id);

    /** The workspace's backfills still launching, oldest first. */
    List<Backfill> launching(String workspace);

    /** Records that chunks before {@code nextChunk} are queued; LAUNCHED when none remain. Ignored once canceled. */
    void advance(String id, int nextChunk, BackfillStatus status);

    /** @return false when it had already stopped launching */
    boolean cancel(String id, Instant at, String reason);

    /** Per asset, the partitions whose newest finished step failed, with that step's finish time. */
    Map<AssetKey, Map<String, Instant>> lastFailures(Collection<AssetKey> assets);
}
