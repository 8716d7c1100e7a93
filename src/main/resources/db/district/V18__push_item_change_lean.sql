-- Issue 18, the cost of keeping a push's changes (docs/decisions/0023-push-changes.md, "Cost"): push_item_change is
-- written row by row by every item statement of a push, so each of its constraints is paid per item. Measured on
-- PostgreSQL 18 (24,000 section items updated in one statement, keeping their rows): the plain update 0.48 s; keeping
-- the rows with the foreign key to push_change and the primary key +0.29 s; without the foreign key +0.21 s; without
-- either, with a plain index on (request_id, course_id) +0.13 s. On L the Overwrite + sections kept 199,000 rows and
-- sat at 2.0-2.2x its floor, above the issue's bound.
-- 1. No foreign key: the writer inserts a course's push_change row before its items' rows, in the same transaction,
--    and PushChangePurge deletes both (the cascade went with the key; a course deleted since leaves rows that the
--    purge of the request removes).
-- 2. No primary key: an item is written once per push (one statement per kind of change; a chunk that fails is
--    rolled back to its savepoint before its courses are applied one by one), which PushChangesMatchEngineIT checks
--    against the engine's plans; the undo reads a course's rows by (request_id, course_id).
alter table push_item_change drop constraint push_item_change_request_id_course_id_fkey;
alter table push_item_change drop constraint push_item_change_pkey;
create index push_item_change_course_idx on push_item_change (request_id, course_id);
