-- Each change carries the id of the transaction that wrote it. PostgreSQL hands out sequence
-- numbers when a transaction writes, not when it commits, so a long transaction's changes become
-- visible after later numbers; a follower of the log that only remembered the highest number it
-- had seen would skip them for ever. Transaction ids let it know which transactions have ended:
-- every one below the oldest still running (`pg_snapshot_xmin`) has, and its changes are visible.
ALTER TABLE change_log ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX change_log_tx ON change_log (tx, seq);
