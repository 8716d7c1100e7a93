-- Issue 18: the undo of a push runs as a request of kind UNDO (PushRequestService.undo), through the same job and
-- executor as a push, and reports RESTORED, CHANGED_SINCE_PUSH and UNDO_KEEPS_GRADES rows (ReasonCode).

-- 1. An UNDO request names the push it undoes; it carries that push's catalog, master, year and mode for the queue.
alter table push_request drop constraint push_request_kind_check;
alter table push_request add constraint push_request_kind_check
    check (kind in ('CATALOG', 'MASTER', 'COURSES', 'UNDO'));
alter table push_request add column undo_of uuid references push_request (id) on delete cascade;
alter table push_request add constraint push_request_undo_of_check check ((kind = 'UNDO') = (undo_of is not null));

-- 2. One undo per push, whatever became of it (a failed undo is not retried by a second one: it resumes).
create unique index push_request_one_undo_idx on push_request (undo_of) where kind = 'UNDO';

-- 3. The undo's report codes.
alter table push_report_row drop constraint push_report_row_reason_check;
alter table push_report_row add constraint push_report_row_reason_check
    check (reason in ('NOT_LOCKED', 'SKIPPED_IGNORE_MASTER_PUSH', 'DESYNCED', 'RESIDUAL_HAS_DEPENDENTS', 'RELINKED',
                      'RENAMED_CATEGORY', 'TERM_NOT_IN_CALENDAR', 'ERROR', 'RESTORED', 'CHANGED_SINCE_PUSH',
                      'UNDO_KEEPS_GRADES'));
