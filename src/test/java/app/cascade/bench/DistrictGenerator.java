package app.cascade.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fills the current district schema with a synthetic district, set-based (INSERT ... SELECT from generate_series,
 * never row by row). Callers run it under {@code TenantContext} and in a transaction.
 *
 * <p>Shape, for {@code m} masters, {@code c} courses and {@code s} sections (course i follows master
 * ((i-1) mod m)+1; section j belongs to course ((j-1) mod c)+1):
 * <ul>
 *   <li>one school year 26-27, 20 schools each with a calendar with terms Q1-Q4, one catalog locking every type and
 *       Course Info field;</li>
 *   <li>10 items per master: tasks T1, T2, OLD; standard ST1; categories Tests, Homework; assessment A1; calc options
 *       T1|Q1, T2|Q2; composite T1|Q4;</li>
 *   <li>every course holds linked copies of its master's items; every 10th course also a course-created category;
 *       2% of courses are Ignore Master Push; 1% are desynced (task T1 linked to the next master's T1);</li>
 *   <li>every section holds linked copies of the course's categories, calc options and composite (5 items) plus one
 *       teacher category "Participation" (6 items); 5 assignments per section with 3 scores each; posted grades for
 *       T1/Q1 (3 students) and, in every 4th course, for OLD/Q2 (those OLD copies become residual).</li>
 * </ul>
 * Then the master changes that give the first push real work: OLD is deleted from every master (residual
 * candidates), a task T3 is added to every master, and the weight of Tests goes from 60 to 55.
 */
public final class DistrictGenerator {

    /** A named size. */
    public enum Size {
        S(100, 2_000, 10_000), M(300, 6_000, 30_000), L(1_000, 20_000, 100_000);

        public final int masters;
        public final int courses;
        public final int sections;

        Size(int masters, int courses, int sections) {
            this.masters = masters;
            this.courses = courses;
            this.sections = sections;
        }

        public static Size parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** What was generated. */
    public record District(long schoolYearId, long catalogId, Map<String, Long> rowCounts) {
    }

    private static final int SCHOOLS = 20;

    private final JdbcTemplate jdbc;

    public DistrictGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public District generate(Size size) {
        int m = size.masters;
        int c = size.courses;
        int s = size.sections;
        jdbc.execute("truncate push_report_row, push_course_result, push_request, master_change, posted_grade,"
                + " assignment_comment, score, assignment, section_item, section, course_item, course, master_item,"
                + " course_master, term, calendar, school, catalog_lock, course_catalog, school_year, push_change,"
                + " push_item_change restart identity cascade");
        long year = jdbc.queryForObject("insert into school_year (code, start_date, end_date)"
                + " values ('26-27', date '2026-08-01', date '2027-06-30') returning id", Long.class);
        long catalog = jdbc.queryForObject("insert into course_catalog (name) values ('Bench Catalog') returning id",
                Long.class);
        jdbc.update("""
                insert into catalog_lock (catalog_id, lock_name)
                select ?, l from unnest(array['name','stateCode','department','credits','gpaWeight','description',
                    'TASKS_STANDARDS','CATEGORIES','ASSESSMENTS','CALC_OPTIONS','COMPOSITES']) l
                """, catalog);
        jdbc.update("""
                insert into school (code, name, catalog_id)
                select 'S' || lpad(i::text, 3, '0'), 'School ' || i, ? from generate_series(1, ?) i
                """, catalog, SCHOOLS);
        jdbc.update("""
                insert into calendar (school_id, school_year_id, name)
                select id, ?, 'Calendar 26-27 ' || code from school order by id
                """, year);
        jdbc.update("""
                insert into term (calendar_id, code, seq)
                select cal.id, 'Q' || q, q from calendar cal cross join generate_series(1, 4) q
                """);
        // masters (identity restarted: ids are 1..m)
        jdbc.update("""
                insert into course_master (catalog_id, number, name, state_code, department, credits, gpa_weight,
                                           description)
                select ?, 'M' || lpad(i::text, 5, '0'), 'Master course ' || i, 'SC' || i, 'Dept ' || (i % 12),
                       1.00, 1.00, 'Synthetic master ' || i
                from generate_series(1, ?) i
                """, catalog, m);
        jdbc.update("""
                insert into master_item (id, master_id, item_type, code, name, task_code, term_code, weight, seq,
                                         calc_method, rounding, parts)
                select gen_random_uuid(), mm.id, v.item_type, v.code, v.name, v.task_code, v.term_code, v.weight,
                       v.seq, v.calc_method, v.rounding, v.parts::jsonb
                from course_master mm cross join (values
                    ('TASK', 'T1', 'Semester 1', null, null, null::numeric, 1, null, null::int, null),
                    ('TASK', 'T2', 'Semester 2', null, null, null, 2, null, null, null),
                    ('TASK', 'OLD', 'Old task', null, null, null, 3, null, null, null),
                    ('STANDARD', 'ST1', 'Standard 1', null, null, null, 4, null, null, null),
                    ('CATEGORY', null, 'Tests', null, null, 60, 1, null, null, null),
                    ('CATEGORY', null, 'Homework', null, null, 40, 2, null, null, null),
                    ('ASSESSMENT', 'A1', 'Final exam', null, null, 1, 0, null, null, null),
                    ('CALC_OPTION', null, 'T1 Q1', 'T1', 'Q1', null, 0, 'POINTS', 2, null),
                    ('CALC_OPTION', null, 'T2 Q2', 'T2', 'Q2', null, 0, 'WEIGHTED', 2, null),
                    ('COMPOSITE', null, 'Semester 1 composite', 'T1', 'Q4', null, 0, null, null,
                     '[{"taskCode":"T1","termCode":"Q1","weight":50},{"taskCode":"T1","termCode":"Q2","weight":50}]')
                ) as v(item_type, code, name, task_code, term_code, weight, seq, calc_method, rounding, parts)
                """);
        // courses: course i -> master ((i-1) % m) + 1, calendar ((i-1) % SCHOOLS) + 1
        jdbc.update("""
                insert into course (calendar_id, number, name, state_code, department, credits, gpa_weight,
                                    description, master_id, ignore_master_push)
                select ((i - 1) % ?) + 1, 'C' || lpad(i::text, 6, '0'), mm.name, mm.state_code, mm.department,
                       mm.credits, mm.gpa_weight, mm.description, mm.id, i % 50 = 0
                from generate_series(1, ?) i join course_master mm on mm.id = ((i - 1) % ?) + 1
                """, SCHOOLS, c, m);
        jdbc.update("""
                insert into course_item (id, course_id, item_type, code, name, task_code, term_code, weight, seq,
                                         calc_method, rounding, parts, master_item_id, origin)
                select gen_random_uuid(), co.id, mi.item_type, mi.code, mi.name, mi.task_code, mi.term_code,
                       mi.weight, mi.seq, mi.calc_method, mi.rounding, mi.parts, mi.id, 'MASTER'
                from course co join master_item mi on mi.master_id = co.master_id
                """);
        // some course-created items
        jdbc.update("""
                insert into course_item (id, course_id, item_type, name, weight, seq, origin)
                select gen_random_uuid(), co.id, 'CATEGORY', 'Extra credit', 5, 9, 'COURSE'
                from course co where co.id % 10 = 3
                """);
        // 1% desynced: T1 linked to the T1 of another master (a foreign link)
        jdbc.update("""
                update course_item ci set master_item_id = other.id
                from course co, master_item other
                where ci.course_id = co.id and co.id % 100 = 7 and not co.ignore_master_push
                  and ci.item_type = 'TASK' and ci.code = 'T1'
                  and other.master_id = (co.master_id % ?) + 1 and other.item_type = 'TASK' and other.code = 'T1'
                """, m);
        // sections: section j -> course ((j-1) % c) + 1
        jdbc.update("""
                insert into section (course_id, number, teacher)
                select ((j - 1) % ?) + 1, (((j - 1) / ?) + 1)::text, 'Teacher ' || (j % 997)
                from generate_series(1, ?) j
                """, c, c, s);
        jdbc.update("""
                insert into section_item (id, section_id, item_type, code, name, task_code, term_code, weight, seq,
                                          calc_method, rounding, parts, course_item_id, origin)
                select gen_random_uuid(), se.id, ci.item_type, ci.code, ci.name, ci.task_code, ci.term_code,
                       ci.weight, ci.seq, ci.calc_method, ci.rounding, ci.parts, ci.id, ci.origin
                from section se join course_item ci on ci.course_id = se.course_id
                where ci.item_type in ('CATEGORY', 'CALC_OPTION', 'COMPOSITE') and ci.origin = 'MASTER'
                """);
        jdbc.update("""
                insert into section_item (id, section_id, item_type, name, weight, seq, origin)
                select gen_random_uuid(), se.id, 'CATEGORY', 'Participation', 10, 5, 'TEACHER' from section se
                """);
        // gradebook: 5 assignments per section (Tests, Homework, Tests, Homework, Participation), all on T1
        jdbc.update("""
                insert into assignment (id, section_id, name, due_date, points, term_code, category_item_id,
                                        task_item_id)
                select gen_random_uuid(), se.id, 'Assignment ' || k, date '2026-09-01' + k * 7, 10, 'Q1',
                       cat.id, t1.id
                from section se
                cross join generate_series(1, 5) k
                join course_item t1 on t1.course_id = se.course_id and t1.item_type = 'TASK' and t1.code = 'T1'
                join section_item cat on cat.section_id = se.id and cat.item_type = 'CATEGORY'
                     and cat.name = case k when 5 then 'Participation' when 2 then 'Homework' when 4 then 'Homework'
                                    else 'Tests' end
                where k < 5 or se.id % 2 = 0
                """);
        jdbc.update("""
                insert into score (id, assignment_id, student_number, points)
                select gen_random_uuid(), a.id, (1000 + st)::text, 7 + st
                from assignment a cross join generate_series(1, 3) st
                """);
        jdbc.update("""
                insert into assignment_comment (id, assignment_id, student_number, body)
                select gen_random_uuid(), a.id, '1001', 'ok' from assignment a where a.section_id % 3 = 0
                """);
        jdbc.update("""
                insert into posted_grade (id, section_id, task_item_id, term_code, student_number, grade)
                select gen_random_uuid(), se.id, t.id, 'Q1', (1000 + st)::text, 'A'
                from section se join course_item t on t.course_id = se.course_id and t.item_type = 'TASK'
                     and t.code = 'T1'
                cross join generate_series(1, 3) st
                """);
        jdbc.update("""
                insert into posted_grade (id, section_id, task_item_id, term_code, student_number, grade)
                select gen_random_uuid(), se.id, t.id, 'Q2', '1001', 'B'
                from section se join course_item t on t.course_id = se.course_id and t.item_type = 'TASK'
                     and t.code = 'OLD'
                where se.course_id % 4 = 0
                """);
        // master changes since the last push
        jdbc.update("""
                insert into master_change (master_id, item_type, item_id, item_label, change, changed_by)
                select master_id, item_type, id, code, 'REMOVED', 'bench' from master_item where code = 'OLD'
                """);
        jdbc.update("delete from master_item where item_type = 'TASK' and code = 'OLD'");
        jdbc.update("""
                insert into master_item (id, master_id, item_type, code, name, seq)
                select gen_random_uuid(), id, 'TASK', 'T3', 'Semester 3', 5 from course_master
                """);
        jdbc.update("""
                insert into master_change (master_id, item_type, item_id, item_label, change, changed_by)
                select master_id, item_type, id, code, 'ADDED', 'bench' from master_item where code = 'T3'
                """);
        jdbc.update("update master_item set weight = 55 where item_type = 'CATEGORY' and name = 'Tests'");
        jdbc.update("""
                insert into master_change (master_id, item_type, item_id, item_label, change, changed_by)
                select master_id, item_type, id, name, 'MODIFIED', 'bench' from master_item
                where item_type = 'CATEGORY' and name = 'Tests'
                """);
        jdbc.execute("analyze");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[]{"course_master", "master_item", "course", "course_item", "section",
                "section_item", "assignment", "score", "assignment_comment", "posted_grade"}) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return new District(year, catalog, counts);
    }
}
