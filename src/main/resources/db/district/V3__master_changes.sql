-- Every grading-setup change of a course master, for the Course Master Awaiting Push report (push-rules §6).
-- Course Info (attribute) changes are deliberately not recorded here: the report lists grading setup only.
create table master_change (
    id         bigint generated always as identity primary key,
    master_id  bigint      not null references course_master (id) on delete cascade,
    item_type  text        not null,
    item_id    uuid,
    item_label text        not null,
    change     text        not null check (change in ('ADDED', 'MODIFIED', 'REMOVED')),
    changed_by text        not null,
    changed_at timestamptz not null default clock_timestamp()
);
create index master_change_master_idx on master_change (master_id, changed_at);
