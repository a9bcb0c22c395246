-- A cancel asked for on one node for a run another node executes: the owning node polls this with its queue and
-- cancels the run there. Null unless a cancel was requested while the run was STARTED.
ALTER TABLE run ADD COLUMN cancel_requested_at TIMESTAMP WITH TIME ZONE;
