-- Push requests, their per-course results and their report rows (push-rules §4–§6).
-- A course's result and report rows commit in the transaction that changes the course, so a retried request skips
-- exactly the courses already done and never duplicates a row.

create table push_request (
    id             uuid primary key,
    kind           text        not null check (kind in ('CATALOG', 'MASTER', 'COURSES')),
    catalog_id     bigint references course_catalog (id),
    master_id      bigint references course_master (id),
    school_year_id bigint      not null references school_year (id),
    calendar_id    bigint references calendar (id),
    mode           text        not null check (mode in ('PUSH_LOCKED', 'OVERWRITE')),
    to_sections    boolean     not null,
    data_types     text[]      not null,
    status         text        not null check (status in ('SCHEDULED', 'QUEUED', 'RUNNING', 'COMPLETED',
                                                          'COMPLETED_WITH_WARNINGS', 'FAILED', 'CANCELLED')),
    submitted_by   text        not null,
    submitted_at   timestamptz not null default now(),
    scheduled_at   timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    courses_total  int,
    courses_done   int         not null default 0,
    message        text,
    check (kind <> 'CATALOG' or catalog_id is not null),
    check (kind <> 'MASTER' or master_id is not null)
);
create index push_request_scheduled_idx on push_request (scheduled_at desc);
create index push_request_status_idx on push_request (status);

create table push_course_result (
    request_id   uuid        not null references push_request (id) on delete cascade,
    course_id    bigint      not null,
    outcome      text        not null check (outcome in ('PUSHED', 'SKIPPED', 'DESYNCED', 'ERROR')),
    created      int         not null default 0,
    updated      int         not null default 0,
    deleted      int         not null default 0,
    relinked     int         not null default 0,
    residual     int         not null default 0,
    renamed      int         not null default 0,
    info_fields  int         not null default 0,
    committed_at timestamptz not null default now(),
    primary key (request_id, course_id)
);

create table push_report_row (
    id            bigint generated always as identity primary key,
    request_id    uuid   not null references push_request (id) on delete cascade,
    course_id     bigint,
    school        text,
    course_number text,
    course_name   text,
    section       text,
    data_type     text,
    item          text,
    outcome       text   not null,
    reason        text   not null check (reason in ('NOT_LOCKED', 'SKIPPED_IGNORE_MASTER_PUSH', 'DESYNCED',
                                                    'RESIDUAL_HAS_DEPENDENTS', 'RELINKED', 'RENAMED_CATEGORY',
                                                    'TERM_NOT_IN_CALENDAR', 'ERROR')),
    assignments   int    not null default 0,
    scores        int    not null default 0,
    posted_grades int    not null default 0,
    comments      int    not null default 0,
    message       text
);
create index push_report_row_request_idx on push_report_row (request_id, id);
