-- Issue 18, decision 0023 ("Revisited" again): push_change, the row a push keeps per course it changed, loses what
-- it paid for on every row and nothing reads. Its two foreign keys were about 70% of the cost of its statement
-- (PostgreSQL 18, 19,600 rows: 0.22 s with them, 0.06 s without): each is a trigger queued per row. What they did is
-- done elsewhere: the purge deletes a request's rows itself (PushChangePurge), a request is never deleted, and every
-- reader of the courses an undo concerns joins course (a course deleted since is not undone, and its row goes with
-- the purge). The identity column seq and its (course_id, seq) index were never read. The primary key
-- (request_id, course_id) stays: the undo reads by it, and it refuses a second row for a course.
alter table push_change drop constraint push_change_request_id_fkey;
alter table push_change drop constraint push_change_course_id_fkey;
drop index push_change_course_seq_idx;
alter table push_change drop column seq;
