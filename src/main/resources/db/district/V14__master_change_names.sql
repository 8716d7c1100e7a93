-- Issue 15: the Course Master Awaiting Push report names who changed a master as people read it (display name), as
-- the batch queue does for a request's submitter. changed_by stays the username (the identity); older rows have no
-- name and show the username.
alter table master_change add column changed_by_name text;
