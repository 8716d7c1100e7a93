-- Which node (cascade.node-name, default host name and process id) ran the latest attempt of a push request:
-- with several app instances sharing one database, support staff can tell where a request ran.
alter table push_request add column ran_on text;
