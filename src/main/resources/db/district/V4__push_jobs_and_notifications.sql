-- Background execution of push requests and the notifications sent when they end.
alter table push_request
    add column job_id          uuid,
    add column attempts        int not null default 0,
    add column submitter_email text;

create table notification (
    id         bigint generated always as identity primary key,
    username   text        not null,
    request_id uuid references push_request (id) on delete cascade,
    title      text        not null,
    body       text        not null,
    status     text,
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index notification_user_idx on notification (username, created_at desc);
