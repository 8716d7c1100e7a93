-- The submitter's display name as it was when the request was stored, for the batch queue and the report
-- ("Submitted by Alpha Pusher"). submitted_by keeps the username: the identity notifications are addressed to.
-- Requests stored before this column existed have no name: they show the username.
alter table push_request add column submitted_by_name text;
