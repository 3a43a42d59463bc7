-- Nothing changes on SQLite: one transaction writes at a time, so changes become visible in the
-- order of their sequence numbers, which is all a follower of the log needs. (PostgreSQL records
-- each change's transaction in this migration.)
SELECT 1;
