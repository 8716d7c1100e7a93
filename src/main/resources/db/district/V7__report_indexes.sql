-- Indexes of the district reports (push-rules §6).
-- Residual Data Report: residual items are few; partial indexes find them without scanning all setup.
create index course_item_residual_idx on course_item (course_id) where residual;
create index section_item_residual_idx on section_item (section_id) where residual;
-- Course Master Awaiting Push: the last completed push of a master (Push to Courses) or of its catalog.
create index push_request_master_idx on push_request (master_id, started_at) where kind = 'MASTER';
create index push_request_catalog_idx on push_request (catalog_id, started_at) where kind = 'CATALOG';
-- Course Audit Report: a master's items by type and key (condition 3 and "missing at the course") use
-- master_item_key_uq; courses by calendar use course's unique (calendar_id, number).
