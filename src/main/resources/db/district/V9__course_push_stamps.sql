-- Issue 7, groundwork for skipping unchanged courses on a re-push (docs/decisions/0009-push-performance.md, "Why the
-- no-op target still fails"): a per-course stamp that changes whenever anything the push planner reads for that
-- course changes (PushLoader: the course row, its calendar's school name, its terms, course items, sections, section
-- items, the owner of every master item its items link to, and the gradebook counts of assignments, scores,
-- comments and posted grades), except the push's own writes, which run with the transaction-local setting
-- cascade.push_writes = 'on'.
--
-- Statement-level AFTER triggers with transition tables: one bump per statement, whatever the number of rows.
-- PostgreSQL allows transition tables only on single-event triggers, hence one trigger per event; each table has one
-- trigger function that looks at TG_OP. A course's stamp row goes away with the course (on delete cascade): a missing
-- row means "never stamped", which a reader must treat as "changed". Deleted parents need no help: deleting a course
-- removes its stamp row, deleting a section is seen by the section trigger (its section items' trigger finds no
-- section any more), an assignment cannot be deleted while it has scores or comments (on delete restrict).

create table course_push_stamp (
    course_id bigint primary key references course (id) on delete cascade,
    stamp     bigint not null
);
insert into course_push_stamp (course_id, stamp) select id, 0 from course;

-- Adds 1 to the stamps of the given courses (each once, however often it is listed; missing rows start at 1), in
-- course order so that concurrent bumps take the row locks in the same order. Ids of courses that no longer exist
-- are ignored. Does nothing while the push writes.
create function course_push_stamp_bump(course_ids bigint[]) returns void
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' or cardinality(course_ids) is null
        or cardinality(course_ids) = 0 then
        return;
    end if;
    insert into course_push_stamp as s (course_id, stamp)
    select c.id, 1 from course c where c.id = any (course_ids) order by c.id
    on conflict (course_id) do update set stamp = s.stamp + 1;
end
$$;

-- Every trigger function below returns early while the push writes, before computing anything.

create function course_push_stamp_on_course() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    -- INSERT and UPDATE only: a deleted course's stamp row is deleted with it
    perform course_push_stamp_bump(array(select id from new_rows));
    return null;
end
$$;

create function course_push_stamp_on_course_item() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(select course_id from new_rows));
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(select course_id from new_rows union select course_id from old_rows));
    else
        perform course_push_stamp_bump(array(select course_id from old_rows));
    end if;
    return null;
end
$$;

create function course_push_stamp_on_section() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(select course_id from new_rows));
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(select course_id from new_rows union select course_id from old_rows));
    else
        perform course_push_stamp_bump(array(select course_id from old_rows));
    end if;
    return null;
end
$$;

-- by section id: section items, assignments and posted grades
create function course_push_stamp_on_section_child() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(
                select s.course_id from section s where s.id in (select section_id from new_rows)));
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(
                select s.course_id from section s
                where s.id in (select section_id from new_rows union select section_id from old_rows)));
    else
        perform course_push_stamp_bump(array(
                select s.course_id from section s where s.id in (select section_id from old_rows)));
    end if;
    return null;
end
$$;

-- by assignment id: scores and comments
create function course_push_stamp_on_assignment_child() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(
                select s.course_id from assignment a join section s on s.id = a.section_id
                where a.id in (select assignment_id from new_rows)));
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(
                select s.course_id from assignment a join section s on s.id = a.section_id
                where a.id in (select assignment_id from new_rows union select assignment_id from old_rows)));
    else
        perform course_push_stamp_bump(array(
                select s.course_id from assignment a join section s on s.id = a.section_id
                where a.id in (select assignment_id from old_rows)));
    end if;
    return null;
end
$$;

-- every course of the term's calendar (the planner reads the calendar's term codes)
create function course_push_stamp_on_term() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(
                select c.id from course c where c.calendar_id in (select calendar_id from new_rows)));
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(
                select c.id from course c
                where c.calendar_id in (select calendar_id from new_rows union select calendar_id from old_rows)));
    else
        perform course_push_stamp_bump(array(
                select c.id from course c where c.calendar_id in (select calendar_id from old_rows)));
    end if;
    return null;
end
$$;

-- UPDATE only: every course of the school's calendars when its name (shown in the push report) changes
create function course_push_stamp_on_school() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    perform course_push_stamp_bump(array(
            select c.id from course c join calendar cal on cal.id = c.calendar_id
            where cal.school_id in (select n.id from new_rows n join old_rows o on o.id = n.id
                                    where n.name is distinct from o.name)));
    return null;
end
$$;

-- UPDATE only: every course of a calendar moved to another school (the course's school name changes)
create function course_push_stamp_on_calendar() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    perform course_push_stamp_bump(array(
            select c.id from course c
            where c.calendar_id in (select n.id from new_rows n join old_rows o on o.id = n.id
                                    where n.school_id is distinct from o.school_id)));
    return null;
end
$$;

-- The courses with a course item linked to a master item that disappears, appears (an import restoring an id a link
-- still names) or changes master: the link's state (own master, foreign, removed) changes. Edits of a master's
-- content are not stamped: a request's masters are fixed by its snapshot, which goes into the request fingerprint.
create function course_push_stamp_on_master_item() returns trigger
    language plpgsql as
$$
begin
    if current_setting('cascade.push_writes', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        perform course_push_stamp_bump(array(
                select ci.course_id from course_item ci where ci.master_item_id in (select id from new_rows)));
    elsif TG_OP = 'UPDATE' then
        perform course_push_stamp_bump(array(
                select ci.course_id from course_item ci
                where ci.master_item_id in (
                    select o.id from old_rows o left join new_rows n on n.id = o.id
                    where n.id is null or n.master_id <> o.master_id
                    union
                    select n.id from new_rows n left join old_rows o on o.id = n.id
                    where o.id is null or n.master_id <> o.master_id)));
    else
        perform course_push_stamp_bump(array(
                select ci.course_id from course_item ci where ci.master_item_id in (select id from old_rows)));
    end if;
    return null;
end
$$;

create trigger course_push_stamp_ins after insert on course
    referencing new table as new_rows for each statement execute function course_push_stamp_on_course();
create trigger course_push_stamp_upd after update on course
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_course();

create trigger course_push_stamp_ins after insert on course_item
    referencing new table as new_rows for each statement execute function course_push_stamp_on_course_item();
create trigger course_push_stamp_upd after update on course_item
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_course_item();
create trigger course_push_stamp_del after delete on course_item
    referencing old table as old_rows for each statement execute function course_push_stamp_on_course_item();

create trigger course_push_stamp_ins after insert on section
    referencing new table as new_rows for each statement execute function course_push_stamp_on_section();
create trigger course_push_stamp_upd after update on section
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_section();
create trigger course_push_stamp_del after delete on section
    referencing old table as old_rows for each statement execute function course_push_stamp_on_section();

create trigger course_push_stamp_ins after insert on section_item
    referencing new table as new_rows for each statement execute function course_push_stamp_on_section_child();
create trigger course_push_stamp_upd after update on section_item
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_section_child();
create trigger course_push_stamp_del after delete on section_item
    referencing old table as old_rows for each statement execute function course_push_stamp_on_section_child();

create trigger course_push_stamp_ins after insert on assignment
    referencing new table as new_rows for each statement execute function course_push_stamp_on_section_child();
create trigger course_push_stamp_upd after update on assignment
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_section_child();
create trigger course_push_stamp_del after delete on assignment
    referencing old table as old_rows for each statement execute function course_push_stamp_on_section_child();

create trigger course_push_stamp_ins after insert on posted_grade
    referencing new table as new_rows for each statement execute function course_push_stamp_on_section_child();
create trigger course_push_stamp_upd after update on posted_grade
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_section_child();
create trigger course_push_stamp_del after delete on posted_grade
    referencing old table as old_rows for each statement execute function course_push_stamp_on_section_child();

create trigger course_push_stamp_ins after insert on score
    referencing new table as new_rows for each statement execute function course_push_stamp_on_assignment_child();
create trigger course_push_stamp_upd after update on score
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_assignment_child();
create trigger course_push_stamp_del after delete on score
    referencing old table as old_rows for each statement execute function course_push_stamp_on_assignment_child();

create trigger course_push_stamp_ins after insert on assignment_comment
    referencing new table as new_rows for each statement execute function course_push_stamp_on_assignment_child();
create trigger course_push_stamp_upd after update on assignment_comment
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_assignment_child();
create trigger course_push_stamp_del after delete on assignment_comment
    referencing old table as old_rows for each statement execute function course_push_stamp_on_assignment_child();

create trigger course_push_stamp_ins after insert on term
    referencing new table as new_rows for each statement execute function course_push_stamp_on_term();
create trigger course_push_stamp_upd after update on term
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_term();
create trigger course_push_stamp_del after delete on term
    referencing old table as old_rows for each statement execute function course_push_stamp_on_term();

create trigger course_push_stamp_upd after update on school
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_school();

create trigger course_push_stamp_upd after update on calendar
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_calendar();

create trigger course_push_stamp_ins after insert on master_item
    referencing new table as new_rows for each statement execute function course_push_stamp_on_master_item();
create trigger course_push_stamp_upd after update on master_item
    referencing old table as old_rows new table as new_rows
    for each statement execute function course_push_stamp_on_master_item();
create trigger course_push_stamp_del after delete on master_item
    referencing old table as old_rows for each statement execute function course_push_stamp_on_master_item();
