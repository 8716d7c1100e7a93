-- Every change of a district's Batch Reporting switch made in Cascade: who, when, old -> new (issue 15). The tenant
-- file gives a district's initial value only; from then on tenant.batch_reporting is changed here and a restart keeps
-- it (decision 0018).
create table batch_reporting_change (
    id              bigint generated always as identity primary key,
    tenant_id       text        not null references tenant (id),
    old_value       boolean     not null,
    new_value       boolean     not null,
    changed_by      text        not null, -- user name
    changed_by_name text        not null, -- display name when the change was made
    changed_at      timestamptz not null default now()
);
create index batch_reporting_change_latest on batch_reporting_change (tenant_id, changed_at desc, id desc);
