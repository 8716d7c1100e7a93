-- Issue 17: the push API's safe retries and its list of push requests.
--
-- Idempotency-Key of POST /api/v1/pushes (IETF draft-ietf-httpapi-idempotency-key-header): the key a client sent, a
-- fingerprint of what it asked for (SHA-256 of the parsed push command and scheduledAt), and the request it made. The
-- row is inserted in the transaction that stores the request, so the primary key decides between two identical POSTs
-- sent at once: the second waits for the first's commit and then finds the key. Keys are kept for 24 hours; every
-- submission with a key deletes the district's expired keys (created_at_idx).
create table push_idempotency_key (
    key         text primary key check (char_length(key) between 1 and 255),
    fingerprint text        not null,
    request_id  uuid        not null references push_request (id) on delete cascade,
    created_at  timestamptz not null default now()
);
create index push_idempotency_key_created_at_idx on push_idempotency_key (created_at);

-- GET /api/v1/pushes pages the district's requests by keyset, newest scheduled_at first and then id: read backwards,
-- this index returns the rows in that order from any position, so a page reads only its own rows (and the filters'
-- misses), whatever the district's size.
create index push_request_list_idx on push_request (scheduled_at, id);

-- A push request's results count the report rows of the items it kept as course managed: this partial index finds
-- them without reading the request's other report rows.
create index push_report_row_kept_idx on push_report_row (request_id) where reason = 'RESIDUAL_HAS_DEPENDENTS';
