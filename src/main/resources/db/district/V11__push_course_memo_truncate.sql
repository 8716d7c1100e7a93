-- Issue 7 (docs/decisions/0014-course-push-memo.md): TRUNCATE fires no row or statement trigger of V9, so emptying a
-- table the planner reads would leave course stamps, and so memos, unchanged. A TRUNCATE trigger on each of those
-- tables forgets every memo of the district instead: the next push plans every course afresh. The application never
-- truncates these tables (test fixtures and the benchmark generator do, usually with `course` and `cascade`, which
-- empties the memos already); this closes the gap for anyone else, e.g. an operator cleaning a district by hand.
create function push_course_memo_forget_all() returns trigger
    language plpgsql as
$$
begin
    delete from push_course_memo;
    return null;
end
$$;

create trigger push_course_memo_truncate after truncate on course_item
    for each statement execute function push_course_memo_forget_all();
create trigger push_course_memo_truncate after truncate on section
    for each statement execute function push_course_memo_forget_all();
create trigger push_course_memo_truncate after truncate on section_item
    for each statement execute function push_course_memo_forget_all();
create trigger push_course_memo_truncate after truncate on term
    for each statement execute function push_course_memo_forget_all();
create trigger push_course_memo_truncate after truncate on assignment
    for each statement execute function push_course_memo_forget_all();
create trigger push_course_memo_truncate after truncate on score
    for each statement execute function push_course_memo_forget_all();
create trigger push_course_memo_truncate after truncate on assignment_comment
    for each statement execute function push_course_memo_forget_all();
create trigger push_course_memo_truncate after truncate on posted_grade
    for each statement execute function push_course_memo_forget_all();
create trigger push_course_memo_truncate after truncate on master_item
    for each statement execute function push_course_memo_forget_all();
