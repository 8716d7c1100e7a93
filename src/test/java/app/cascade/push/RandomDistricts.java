package app.cascade.push;

import app.cascade.catalog.DistrictFixture;
import app.cascade.grading.CourseInfoField;
import app.cascade.grading.LockType;
import app.cascade.grading.Locks;
import app.cascade.push.engine.CourseInfo;
import app.cascade.push.engine.Item;
import app.cascade.push.engine.MasterInput;
import app.cascade.push.engine.RandomDistrictData;
import app.cascade.push.engine.SectionInput;
import app.cascade.tenancy.TenantContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Random districts in the database, written through SQL from the engine's random districts
 * ({@link RandomDistrictData}, those of RandomDistrictPropertyTest): district {@code n} holds {@link #COURSES} courses
 * of seeds {@code n * COURSES …}, each following its own master in one catalog (a second master per course takes its
 * foreign links), in two schools whose calendars have terms Q1–Q4 and Q1–Q2; its locks and data types to push are
 * those of its first seed; every seventh course is Ignore Master Push. Their variety is the engine's: tasks,
 * standards, categories, assessments, calc options and composites, linked, unlinked, duplicated, detached, residual,
 * linked to a removed master item or to another master's (desynced), course and teacher items; assignments (every
 * second with a score, every third with a comment) and posted grades.
 */
final class RandomDistricts {

    static final int COURSES = 6;

    private static final String ITEM = "id, item_type, code, name, task_code, term_code, weight, seq, calc_method,"
            + " rounding, parts, created_at";
    private static final String ITEM_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?";

    /** A district as written: its school year, catalog, data types to push, and the seed of each course (by id). */
    record Written(int seed, long yearId, long catalogId, Set<LockType> types, Map<Long, Integer> seedOfCourse) {
    }

    private final ApplicationContext context;
    private final String district;
    private final JdbcTemplate jdbc;

    RandomDistricts(ApplicationContext context, String district) {
        this.context = context;
        this.district = district;
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** Wipes the district and writes random district {@code seed} in one transaction. */
    Written write(int seed) {
        DistrictFixture.in(district, context).wipe();
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        return TenantContext.call(district, () -> tx.execute(s -> writeDistrict(seed)));
    }

    private Written writeDistrict(int seed) {
        List<RandomDistrictData.District> courses = java.util.stream.IntStream.range(0, COURSES)
                .mapToObj(k -> RandomDistrictData.of(seed * COURSES + k)).toList();
        long year = id("insert into school_year (code, start_date, end_date)"
                + " values ('26-27', date '2026-08-17', date '2027-06-04') returning id");
        long catalog = id("insert into course_catalog (name) values ('Random Catalog') returning id");
        Locks locks = courses.getFirst().locks();
        for (CourseInfoField field : locks.fields()) {
            jdbc.update("insert into catalog_lock (catalog_id, lock_name) values (?, ?)", catalog, field.name());
        }
        for (LockType type : locks.gradingTypes()) {
            jdbc.update("insert into catalog_lock (catalog_id, lock_name) values (?, ?)", catalog, type.name());
        }
        long quarters = calendar(catalog, year, "RQ", "Q1", "Q2", "Q3", "Q4");
        long halves = calendar(catalog, year, "RH", "Q1", "Q2");
        Map<Long, Integer> seedOfCourse = new HashMap<>();
        for (int k = 0; k < COURSES; k++) {
            int courseSeed = seed * COURSES + k;
            RandomDistrictData.District d = courses.get(k);
            long master = master(catalog, "M" + courseSeed, d.master());
            master(catalog, "O" + courseSeed, d.other());
            long calendar = d.course().termCodes().size() == 4 ? quarters : halves;
            long course = course(calendar, "C" + courseSeed, d.course().info(), master, courseSeed % 7 == 3);
            seedOfCourse.put(course, courseSeed);
            for (Item i : d.course().items()) {
                jdbc.update("insert into course_item (" + ITEM + ", course_id, master_item_id, origin, residual,"
                        + " forced_no_calc) values (" + ITEM_VALUES + ", ?, ?, ?, ?, ?)", item(i, course, i.link(),
                        i.origin().name(), i.residual(), i.forcedNoCalc()));
            }
            Map<Long, Long> sections = new HashMap<>();
            for (SectionInput section : d.course().sections()) {
                long id = id("insert into section (course_id, number, teacher) values (?, ?, ?) returning id",
                        course, section.number(), section.teacher());
                sections.put(section.id(), id);
                for (Item i : section.items()) {
                    jdbc.update("insert into section_item (" + ITEM + ", section_id, course_item_id, origin, residual,"
                            + " forced_no_calc) values (" + ITEM_VALUES + ", ?, ?, ?, ?, ?)", item(i, id, i.link(),
                            i.origin().name(), i.residual(), i.forcedNoCalc()));
                }
            }
            gradebook(d, sections);
        }
        Set<LockType> types = courses.getFirst().types().isEmpty() ? Set.of(LockType.values())
                : courses.getFirst().types();
        return new Written(seed, year, catalog, types, seedOfCourse);
    }

    private long calendar(long catalog, long year, String school, String... terms) {
        long schoolId = id("insert into school (code, name, catalog_id) values (?, ?, ?) returning id", school,
                "School " + school, catalog);
        long calendar = id("insert into calendar (school_id, school_year_id, name) values (?, ?, ?) returning id",
                schoolId, year, school + " 26-27");
        for (int i = 0; i < terms.length; i++) {
            jdbc.update("insert into term (calendar_id, code, seq) values (?, ?, ?)", calendar, terms[i], i + 1);
        }
        return calendar;
    }

    private long master(long catalog, String number, MasterInput m) {
        CourseInfo info = m.info();
        long id = id("insert into course_master (catalog_id, number, name, state_code, department, credits, gpa_weight,"
                + " description) values (?, ?, ?, ?, ?, ?, ?, ?) returning id", catalog, number, info.name(),
                info.stateCode(), info.department(), info.credits(), info.gpaWeight(), info.description());
        for (Item i : m.items()) {
            jdbc.update("insert into master_item (" + ITEM + ", master_id) values (" + ITEM_VALUES + ", ?)",
                    item(i, id));
        }
        return id;
    }

    private long course(long calendar, String number, CourseInfo info, long master, boolean ignoreMasterPush) {
        return id("insert into course (calendar_id, number, name, state_code, department, credits, gpa_weight,"
                        + " description, master_id, ignore_master_push) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id", calendar, number, info.name(), info.stateCode(), info.department(),
                info.credits(), info.gpaWeight(), info.description(), master, ignoreMasterPush);
    }

    /** The course's assignments (every second with a score, every third with a comment) and posted grades. */
    private void gradebook(RandomDistrictData.District d, Map<Long, Long> sections) {
        int n = 0;
        for (RandomDistrictData.Assignment a : d.assignments()) {
            UUID id = UUID.randomUUID();
            jdbc.update("insert into assignment (id, section_id, name, points, term_code, category_item_id,"
                    + " task_item_id) values (?, ?, ?, 10, 'Q1', ?, ?)", id, sections.get(a.sectionId()),
                    "Assignment " + n, a.categoryItem(), a.taskItem());
            if (n % 2 == 0) {
                jdbc.update("insert into score (id, assignment_id, student_number, points) values (?, ?, '1001', 8.5)",
                        UUID.randomUUID(), id);
            }
            if (n % 3 == 0) {
                jdbc.update("insert into assignment_comment (id, assignment_id, student_number, body)"
                        + " values (?, ?, '1001', 'see me')", UUID.randomUUID(), id);
            }
            n++;
        }
        for (RandomDistrictData.PostedGrade p : d.posted()) {
            jdbc.update("insert into posted_grade (id, section_id, task_item_id, term_code, student_number, grade)"
                    + " values (?, ?, ?, ?, '1001', 'B')", UUID.randomUUID(), sections.get(p.sectionId()),
                    p.taskItem(), p.term());
        }
    }

    private static Object[] item(Item i, Object... more) {
        var v = i.values();
        Object[] values = {i.id(), i.type().name(), v.code(), v.name(), v.taskCode(), v.termCode(), v.weight(),
                v.seq(), v.calcMethod(), v.rounding(), parts(v.parts()), Timestamp.from(i.createdAt())};
        Object[] all = java.util.Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }

    /**
     * A composite's parts in the exchange format ({@code [{"taskCode","termCode","weight"}]}, which the export reads):
     * the engine's random parts are {@code [{"w":n}]}; equal parts stay equal, different ones different.
     */
    private static String parts(String engineParts) {
        return engineParts == null ? null : engineParts.replaceAll("\\{\"w\":(\\d+)}",
                "{\"taskCode\":\"S1\",\"termCode\":\"Q1\",\"weight\":$1}");
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
