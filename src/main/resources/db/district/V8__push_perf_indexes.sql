-- Issue 7 (push performance, docs/decisions/0009-push-performance.md).
-- The batch queue list (PushRequestStore.queue) filters a window of scheduled_at and orders by
-- (scheduled_at desc, submitted_at desc) with a limit: this index returns the rows in that order, so the query reads
-- only the rows it returns instead of sorting the whole window (10,000 requests in a district: p95 well under 50 ms).
create index push_request_queue_idx on push_request (scheduled_at desc, submitted_at desc);
drop index push_request_scheduled_idx;
