-- The masters a push works on, copied when the request first starts running
-- (docs/decisions/0006-push-master-snapshot.md). Same columns as course_master / master_item, keyed by request: the
-- loader reads a running request's masters from here, so an edit made while the push runs reaches no course until the
-- next push. A resumed or retried request keeps its first copy; the copy is deleted when the request ends (COMPLETED,
-- COMPLETED_WITH_WARNINGS or FAILED).
create table push_master_snapshot (
    request_id  uuid   not null references push_request (id) on delete cascade,
    id          bigint not null,
    number      text   not null,
    name        text   not null,
    state_code  text,
    department  text,
    credits     numeric(5, 2),
    gpa_weight  numeric(5, 2),
    description text,
    primary key (request_id, id)
);

create table push_master_item_snapshot (
    request_id  uuid        not null references push_request (id) on delete cascade,
    id          uuid        not null,
    master_id   bigint      not null,
    item_type   text        not null,
    code        text,
    name        text        not null,
    task_code   text,
    term_code   text,
    weight      numeric(7, 3),
    seq         int         not null,
    calc_method text,
    rounding    int,
    parts       jsonb,
    created_at  timestamptz not null,
    primary key (request_id, id)
);
create index push_master_item_snapshot_master_idx on push_master_item_snapshot (request_id, master_id);
