-- One district's data (push-rules.md §1). Every district schema gets exactly these tables.
-- Grading-setup items use UUID ids so that the exchange format can name them and links can outlive their target
-- ("removed from the master" is a link to an item that no longer exists, push-rules §3), so links carry no foreign key.
-- Gradebook data references items with ON DELETE RESTRICT: the database itself refuses to drop a grade's item.

create table school_year (
    id         bigint generated always as identity primary key,
    code       text not null unique check (code ~ '^[0-9]{2}-[0-9]{2}$'),
    start_date date not null,
    end_date   date not null,
    check (end_date > start_date)
);

create table course_catalog (
    id         bigint generated always as identity primary key,
    name       text        not null check (btrim(name) <> ''),
    created_at timestamptz not null default now()
);
create unique index course_catalog_name_uq on course_catalog (lower(btrim(name)));

create table catalog_lock (
    catalog_id bigint not null references course_catalog (id) on delete cascade,
    lock_name  text   not null check (lock_name in ('name', 'stateCode', 'department', 'credits', 'gpaWeight',
                                                    'description', 'TASKS_STANDARDS', 'CATEGORIES', 'ASSESSMENTS',
                                                    'CALC_OPTIONS', 'COMPOSITES')),
    primary key (catalog_id, lock_name)
);

create table school (
    id         bigint generated always as identity primary key,
    code       text not null unique,
    name       text not null,
    catalog_id bigint references course_catalog (id)
);

create table calendar (
    id             bigint generated always as identity primary key,
    school_id      bigint not null references school (id),
    school_year_id bigint not null references school_year (id),
    name           text   not null,
    unique (school_id, school_year_id)
);

create table term (
    calendar_id bigint not null references calendar (id) on delete cascade,
    code        text   not null,
    seq         int    not null,
    start_date  date,
    end_date    date,
    primary key (calendar_id, code)
);

create table course_master (
    id          bigint generated always as identity primary key,
    catalog_id  bigint not null references course_catalog (id),
    number      text   not null check (btrim(number) <> ''),
    name        text   not null,
    state_code  text,
    department  text,
    credits     numeric(5, 2),
    gpa_weight  numeric(5, 2),
    description text,
    version     bigint not null default 0,
    unique (catalog_id, number)
);
create index course_master_catalog_idx on course_master (catalog_id);

create table course (
    id                 bigint generated always as identity primary key,
    calendar_id        bigint  not null references calendar (id),
    number             text    not null,
    name               text    not null,
    state_code         text,
    department         text,
    credits            numeric(5, 2),
    gpa_weight         numeric(5, 2),
    description        text,
    master_id          bigint references course_master (id),
    ignore_master_push boolean not null default false,
    version            bigint  not null default 0,
    unique (calendar_id, number)
);
create index course_master_idx on course (master_id);

create table section (
    id        bigint generated always as identity primary key,
    course_id bigint not null references course (id) on delete cascade,
    number    text   not null,
    teacher   text   not null,
    unique (course_id, number)
);
create index section_course_idx on section (course_id);

-- The six data types. Columns used per type (the rest stay null):
--   TASK, STANDARD:   code, name, seq
--   CATEGORY:         name, weight, seq
--   ASSESSMENT:       code, name, weight
--   CALC_OPTION:      task_code, term_code, calc_method, rounding
--   COMPOSITE:        task_code, term_code, name, parts ([{"taskCode","termCode","weight"}])
-- match_key is derived (push-rules §1 "Match keys") and can never disagree with the values.
create table master_item (
    id          uuid primary key,
    master_id   bigint      not null references course_master (id) on delete cascade,
    item_type   text        not null,
    code        text,
    name        text        not null,
    task_code   text,
    term_code   text,
    weight      numeric(7, 3),
    seq         int         not null default 0,
    calc_method text,
    rounding    int,
    parts       jsonb,
    match_key   text generated always as (
        case item_type
            when 'CATEGORY' then lower(btrim(name))
            when 'CALC_OPTION' then task_code || '|' || term_code
            when 'COMPOSITE' then task_code || '|' || term_code
            else code end) stored,
    created_at  timestamptz not null default clock_timestamp(),
    check (item_type in ('TASK', 'STANDARD', 'CATEGORY', 'ASSESSMENT', 'CALC_OPTION', 'COMPOSITE')),
    check (case item_type
               when 'CALC_OPTION' then task_code is not null and term_code is not null and calc_method is not null
               when 'COMPOSITE' then task_code is not null and term_code is not null
               when 'CATEGORY' then btrim(name) <> ''
               else code is not null end)
);
create unique index master_item_key_uq on master_item (master_id, item_type, match_key);

create table course_item (
    id             uuid primary key,
    course_id      bigint      not null references course (id) on delete cascade,
    item_type      text        not null,
    code           text,
    name           text        not null,
    task_code      text,
    term_code      text,
    weight         numeric(7, 3),
    seq            int         not null default 0,
    calc_method    text,
    rounding       int,
    parts          jsonb,
    match_key      text generated always as (
        case item_type
            when 'CATEGORY' then lower(btrim(name))
            when 'CALC_OPTION' then task_code || '|' || term_code
            when 'COMPOSITE' then task_code || '|' || term_code
            else code end) stored,
    master_item_id uuid,
    origin         text        not null,
    residual       boolean     not null default false,
    forced_no_calc boolean     not null default false,
    created_at     timestamptz not null default clock_timestamp(),
    check (item_type in ('TASK', 'STANDARD', 'CATEGORY', 'ASSESSMENT', 'CALC_OPTION', 'COMPOSITE')),
    check (origin in ('MASTER', 'COURSE', 'TEACHER')),
    check (case item_type
               when 'CALC_OPTION' then task_code is not null and term_code is not null and calc_method is not null
               when 'COMPOSITE' then task_code is not null and term_code is not null
               when 'CATEGORY' then btrim(name) <> ''
               else code is not null end)
);
create index course_item_course_idx on course_item (course_id, item_type, match_key);
create index course_item_link_idx on course_item (master_item_id) where master_item_id is not null;

create table section_item (
    id             uuid primary key,
    section_id     bigint      not null references section (id) on delete cascade,
    item_type      text        not null,
    code           text,
    name           text        not null,
    task_code      text,
    term_code      text,
    weight         numeric(7, 3),
    seq            int         not null default 0,
    calc_method    text,
    rounding       int,
    parts          jsonb,
    match_key      text generated always as (
        case item_type
            when 'CATEGORY' then lower(btrim(name))
            when 'CALC_OPTION' then task_code || '|' || term_code
            when 'COMPOSITE' then task_code || '|' || term_code
            else code end) stored,
    course_item_id uuid,
    origin         text        not null,
    residual       boolean     not null default false,
    forced_no_calc boolean     not null default false,
    created_at     timestamptz not null default clock_timestamp(),
    -- only these three types live on sections (push-rules §1 [decision])
    check (item_type in ('CATEGORY', 'CALC_OPTION', 'COMPOSITE')),
    check (origin in ('MASTER', 'COURSE', 'TEACHER')),
    check (case item_type
               when 'CALC_OPTION' then task_code is not null and term_code is not null and calc_method is not null
               when 'COMPOSITE' then task_code is not null and term_code is not null
               else btrim(name) <> '' end)
);
create index section_item_section_idx on section_item (section_id, item_type, match_key);
create index section_item_link_idx on section_item (course_item_id) where course_item_id is not null;

-- Gradebook data: never touched by a push. Items referenced here cannot be deleted (RESTRICT).
create table assignment (
    id               uuid primary key,
    section_id       bigint not null references section (id) on delete restrict,
    name             text   not null,
    due_date         date,
    points           numeric(7, 2),
    term_code        text,
    category_item_id uuid references section_item (id) on delete restrict,
    task_item_id     uuid references course_item (id) on delete restrict
);
create index assignment_section_idx on assignment (section_id);
create index assignment_category_idx on assignment (category_item_id) where category_item_id is not null;
create index assignment_task_idx on assignment (task_item_id) where task_item_id is not null;

create table score (
    id             uuid primary key,
    assignment_id  uuid not null references assignment (id) on delete restrict,
    student_number text not null,
    points         numeric(7, 2),
    unique (assignment_id, student_number)
);

create table assignment_comment (
    id             uuid primary key,
    assignment_id  uuid not null references assignment (id) on delete restrict,
    student_number text not null,
    body           text not null
);
create index assignment_comment_assignment_idx on assignment_comment (assignment_id);

create table posted_grade (
    id             uuid primary key,
    section_id     bigint not null references section (id) on delete restrict,
    task_item_id   uuid   not null references course_item (id) on delete restrict,
    term_code      text   not null,
    student_number text   not null,
    grade          text   not null,
    unique (section_id, task_item_id, term_code, student_number)
);
create index posted_grade_task_idx on posted_grade (task_item_id);
