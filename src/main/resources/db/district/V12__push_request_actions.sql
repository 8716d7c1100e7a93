-- What platform support did to a push request, and why (issue 14): support never pushes through the jobs dashboard;
-- it retries a failed request or cancels a stuck one through the app, and the district sees who, when and why.
create table push_request_action (
    id                 bigint generated always as identity primary key,
    request_id         uuid        not null references push_request (id) on delete cascade,
    -- RETRIED: a failed request was run again as related_request_id; RETRY_OF: this request is that new run of the
    -- failed related_request_id; CANCELLED: a stuck request (no live job) was cancelled
    action             text        not null check (action in ('RETRIED', 'RETRY_OF', 'CANCELLED')),
    actor              text        not null,
    actor_name         text        not null,
    at                 timestamptz not null default now(),
    reason             text        not null check (char_length(btrim(reason)) between 1 and 500),
    related_request_id uuid references push_request (id) on delete set null
);
create index push_request_action_request_idx on push_request_action (request_id, at desc, id desc);
-- a failed request is retried once: two support engineers clicking at once make one new request, not two
create unique index push_request_action_one_retry_idx on push_request_action (request_id) where action = 'RETRIED';
