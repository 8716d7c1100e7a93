-- Periodic work that one node at a time does (the push job reconciler): which node holds it, and until when. A node
-- takes a lease only once the last one has run out, so a dead node's lease simply expires.
create table maintenance_lease (
    name   text primary key,
    holder text        not null,
    until  timestamptz not null
);
