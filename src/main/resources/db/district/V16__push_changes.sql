-- Issue 18: what a push changed, kept so that an undo can put each course back (docs/decisions/0023-push-changes.md).
-- Written by the push's own statements (PushWriter: writable CTEs with RETURNING OLD.*), so the changes commit or
-- roll back with the writes. Kept for cascade.push.changes.retention after the request finished, then purged
-- (PushChangePurge), which sets push_request.changes_purged_at.

-- 1. A course content stamp: like course_push_stamp.stamp (V9), but moved only by what is IN the course (the course
-- row, Ignore Master Push included, its items, sections, section items, assignments, scores, comments and posted
-- grades), not by terms, the school's name, a calendar's school or master items. An admin who fixes a master after a
-- bad push can still undo it. The push's own writes bump neither stamp, as before.
alter table course_push_stamp add column content_stamp bigint not null default 0;

-- Adds 1 to both stamps of the given courses (missing rows start at 1), otherwise exactly as the one-argument
-- course_push_stamp_bump of V9 (which stays for terms, school names, calendars and master items). Same name, so that
-- MemoStampCoverageIT still recognises every stamp trigger function by its call.
create function course_push_stamp_bump(course_ids bigint[], content boolean) returns void
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' or cardinality(course_ids) is null
        or cardinality(course_ids) = 0 then
        return;
    end if;
    insert into course_push_stamp as s (course_id, stamp, content_stamp)
    select c.id, 1, case when content then 1 else 0 end from course c where c.id = any (course_ids) order by c.id
    on conflict (course_id) do update
        set stamp = s.stamp + 1, content_stamp = s.content_stamp + case when content then 1 else 0 end;
end
$$;

-- The trigger functions of the course-content tables, as in V9 but bumping both stamps. Those of term, school,
-- calendar and master_item stay as they are (they bump stamp only).
create or replace function course_push_stamp_on_course() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    perform course_push_stamp_bump(array(select id from new_rows), true);
    return null;
end
$$;

create or replace function course_push_stamp_on_course_item() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(select course_id from new_rows), true);
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(
                select course_id from new_rows union select course_id from old_rows), true);
    else
        perform course_push_stamp_bump(array(select course_id from old_rows), true);
    end if;
    return null;
end
$$;

create or replace function course_push_stamp_on_section() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(select course_id from new_rows), true);
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(
                select course_id from new_rows union select course_id from old_rows), true);
    else
        perform course_push_stamp_bump(array(select course_id from old_rows), true);
    end if;
    return null;
end
$$;

create or replace function course_push_stamp_on_section_child() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(
                select s.course_id from section s where s.id in (select section_id from new_rows)), true);
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(
                select s.course_id from section s
                where s.id in (select section_id from new_rows union select section_id from old_rows)), true);
    else
        perform course_push_stamp_bump(array(
                select s.course_id from section s where s.id in (select section_id from old_rows)), true);
    end if;
    return null;
end
$$;

create or replace function course_push_stamp_on_assignment_child() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(
                select s.course_id from assignment a join section s on s.id = a.section_id
                where a.id in (select assignment_id from new_rows)), true);
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(
                select s.course_id from assignment a join section s on s.id = a.section_id
                where a.id in (select assignment_id from new_rows union select assignment_id from old_rows)), true);
    else
        perform course_push_stamp_bump(array(
                select s.course_id from assignment a join section s on s.id = a.section_id
                where a.id in (select assignment_id from old_rows)), true);
    end if;
    return null;
end
$$;

-- 2. One row per course a push wrote (items or Course Info).
-- seq            global order of the writes: a later push (or undo) of the course has a larger seq
-- content_stamp  course_push_stamp.content_stamp when the push wrote the course (null: the course had no stamp row)
-- info_changed   the push changed the Course Info; name .. description are then the values before it
create table push_change (
    request_id    uuid        not null references push_request (id) on delete cascade,
    course_id     bigint      not null references course (id) on delete cascade,
    seq           bigint      not null generated always as identity,
    content_stamp bigint,
    info_changed  boolean     not null,
    name          text,
    state_code    text,
    department    text,
    credits       numeric(5, 2),
    gpa_weight    numeric(5, 2),
    description   text,
    created_at    timestamptz not null default now(),
    primary key (request_id, course_id),
    check (info_changed = (name is not null))
);
create index push_change_course_seq_idx on push_change (course_id, seq);

-- 3. One row per item a push inserted, updated or deleted, with the whole item before it for UPDATED and DELETED.
-- section_id is null for a course item; link is master_item_id (course item) or course_item_id (section item).
create table push_item_change (
    request_id     uuid   not null,
    course_id      bigint not null,
    section_id     bigint,
    item_id        uuid   not null,
    kind           text   not null check (kind in ('INSERTED', 'UPDATED', 'DELETED')),
    item_type      text,
    code           text,
    name           text,
    task_code      text,
    term_code      text,
    weight         numeric(7, 3),
    seq            int,
    calc_method    text,
    rounding       int,
    parts          jsonb,
    link           uuid,
    origin         text,
    residual       boolean,
    forced_no_calc boolean,
    created_at     timestamptz,
    primary key (request_id, course_id, item_id),
    foreign key (request_id, course_id) references push_change (request_id, course_id) on delete cascade,
    check ((kind = 'INSERTED') = (item_type is null)),
    check (kind = 'INSERTED' or (name is not null and seq is not null and origin is not null
                                 and residual is not null and forced_no_calc is not null and created_at is not null))
);

-- 4. Whether a finished request's changes are still kept: null until the purge removed them.
alter table push_request add column changes_purged_at timestamptz;
create index push_request_changes_kept_idx on push_request (finished_at)
    where changes_purged_at is null and finished_at is not null;
