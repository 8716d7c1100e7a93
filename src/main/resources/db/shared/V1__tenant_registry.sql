-- Shared (platform) schema: the registry of districts, rewritten from tenants/*.yml at every start.
create table tenant (
    id                  text primary key,
    display_name        text        not null,
    schema_name         text        not null unique,
    organization_alias  text        not null unique,
    time_zone           text        not null,
    batch_reporting     boolean     not null,
    notification_sender text        not null,
    source_file         text        not null,
    active              boolean     not null default true,
    registered_at       timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
