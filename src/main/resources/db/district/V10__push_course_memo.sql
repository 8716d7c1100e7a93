-- Issue 7, the no-op re-push (docs/decisions/0014-course-push-memo.md): per course, what the next push with the same
-- settings and the same master would report, valid while the course's stamp (V9) is unchanged. Written by a push in
-- the transaction that writes the course; a later push whose course stamp and fingerprint match copies the rows and
-- the result from here instead of loading and planning the course again.
--
-- stamp       course_push_stamp.stamp read after the push locked the course row, before it read the course
-- fingerprint hex SHA-256 of the push's settings (kind, mode, sections, data types, catalog locks), the engine build
--             and the course's master as the push read it
-- rows        the report rows of that next push, in report order, as a JSON array of objects
create table push_course_memo (
    course_id   bigint primary key references course (id) on delete cascade,
    stamp       bigint not null,
    fingerprint text   not null,
    outcome     text   not null check (outcome in ('PUSHED', 'SKIPPED', 'DESYNCED')),
    created     int    not null,
    updated     int    not null,
    deleted     int    not null,
    relinked    int    not null,
    residual    int    not null,
    renamed     int    not null,
    info_fields int    not null,
    rows        jsonb  not null check (jsonb_typeof(rows) = 'array')
);
