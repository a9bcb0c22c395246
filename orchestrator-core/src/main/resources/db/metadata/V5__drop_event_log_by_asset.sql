-- Nothing reads the event log by asset: asset history comes from the latest-state table and from each finished run's
-- events (by run id), observations page the log by id. The index cost every appended event a third B-tree insert.
-- A feature that reads the log by asset should bring it back in its own migration.
DROP INDEX IF EXISTS event_log_by_asset;
