package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.ItemType;
import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.SectionInput;
import app.cascade.push.internal.GradebookReads;
import app.cascade.push.internal.PushLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependents of a loaded chunk (GradebookReads), read set-based for a whole chunk, against push-rules §1 counted
 * item by item with plain queries: tasks (aligned assignments, posted grades), course categories (assignments in their
 * section copies), section categories (their assignments), calc options and composites (posted grades for their task
 * code and term, course-wide or in the section), with the scores and comments of the assignments.
 */
@CascadeIntegrationTest
class PushLoaderIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushLoader loader;
    @Autowired
    GradebookReads gradebook;
    @Autowired
    JdbcTemplate jdbc;

    PushFixture f;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void dependents_of_every_item_of_a_chunk_equal_push_rules_counted_item_by_item() {
        UUID s1 = f.courseItemId(f.eng1.id(), "TASK", "S1");
        UUID q3 = f.courseItemId(f.eng1.id(), "TASK", "Q3");
        UUID tests1 = sectionItem(f.eng1Section1, "CATEGORY", "Tests");
        UUID homework2 = sectionItem(f.eng1Section2, "CATEGORY", "Homework");
        f.assignment(f.eng1Section1, tests1, s1);
        f.assignment(f.eng1Section1, tests1, null);
        f.assignment(f.eng1Section2, homework2, q3);
        f.postedGrade(f.eng1Section1, s1, "Q1");
        f.postedGrade(f.eng1Section2, s1, "Q1");
        f.postedGrade(f.eng1Section2, q3, "Q1");
        f.postedGrade(f.eng1Section1, s1, "Q2");
        // a teacher's own category in a MAT101 section, with an assignment
        long matSection = f.inAlpha(() -> jdbc.queryForObject("select id from section where course_id = ?",
                Long.class, f.mat1.id()));
        UUID teacherCategory = UUID.randomUUID();
        f.inAlpha(() -> jdbc.update("""
                insert into section_item (id, section_id, item_type, code, name, weight, seq, origin)
                values (?, ?, 'CATEGORY', null, 'Quizzes', 10, 9, 'TEACHER')""", teacherCategory, matSection));
        f.assignment(matSection, teacherCategory, null);
        List<Long> courses = List.of(f.eng1.id(), f.eng2.id(), f.mat1.id());

        Map<UUID, Dependents> loaded = f.inAlpha(() -> {
            PushLoader.Chunk chunk = loader.load(courses, false);
            Map<UUID, Dependents> all = new LinkedHashMap<>();
            for (CourseInput course : chunk.courses()) {
                course.items().forEach(i -> all.put(i.id(), Dependents.NONE));
                for (SectionInput section : course.sections()) {
                    section.items().forEach(i -> all.put(i.id(), Dependents.NONE));
                }
            }
            all.putAll(gradebook.dependents(chunk, all.keySet()));
            return all;
        });

        Map<UUID, Dependents> expected = f.inAlpha(() -> {
            Map<UUID, Dependents> counted = new LinkedHashMap<>();
            for (UUID id : loaded.keySet()) {
                counted.put(id, countedOneByOne(id));
            }
            return counted;
        });
        assertThat(loaded).isEqualTo(expected);
        // the data above reaches tasks, course and section categories, calc options and a teacher's category
        assertThat(loaded.get(s1)).isEqualTo(new Dependents(1, 1, 3, 1));
        assertThat(loaded.get(teacherCategory)).isEqualTo(new Dependents(1, 1, 0, 1));
        assertThat(loaded.values().stream().filter(Dependents::any).count()).isGreaterThanOrEqualTo(8);
    }

    private UUID sectionItem(long sectionId, String type, String name) {
        return f.inAlpha(() -> jdbc.queryForObject(
                "select id from section_item where section_id = ? and item_type = ? and name = ?", UUID.class,
                sectionId, type, name));
    }

    /** Push-rules §1 for one item, with one plain query per rule. */
    private Dependents countedOneByOne(UUID id) {
        Map<String, Object> course = jdbc.queryForList(
                "select course_id, item_type, task_code, term_code from course_item where id = ?", id).stream()
                .findFirst().orElse(null);
        if (course != null) {
            String assignments = """
                    select id from assignment where task_item_id = :id
                    union all
                    select a.id from assignment a join section_item c on c.id = a.category_item_id
                    where c.course_item_id = :id""";
            long posted = count("select count(*) from posted_grade where task_item_id = ?", id);
            if (isCalcOrComposite(course.get("item_type"))) {
                posted += count("""
                        select count(*) from posted_grade pg join section s on s.id = pg.section_id
                        join course_item t on t.id = pg.task_item_id
                        where s.course_id = ? and pg.term_code = ? and t.code = ?""",
                        course.get("course_id"), course.get("term_code"), course.get("task_code"));
            }
            return dependents(assignments, id, posted);
        }
        Map<String, Object> section = jdbc.queryForMap(
                "select section_id, item_type, task_code, term_code from section_item where id = ?", id);
        long posted = !isCalcOrComposite(section.get("item_type")) ? 0 : count("""
                select count(*) from posted_grade pg join course_item t on t.id = pg.task_item_id
                where pg.section_id = ? and pg.term_code = ? and t.code = ?""",
                section.get("section_id"), section.get("term_code"), section.get("task_code"));
        return dependents("select id from assignment where category_item_id = :id", id, posted);
    }

    private Dependents dependents(String assignmentIds, UUID id, long posted) {
        String ids = assignmentIds.replace(":id", "'" + id + "'::uuid");
        long assignments = count("select count(*) from (" + ids + ") a");
        long scores = count("select count(*) from score where assignment_id in (" + ids + ")");
        long comments = count("select count(*) from assignment_comment where assignment_id in (" + ids + ")");
        return assignments + posted == 0 ? Dependents.NONE
                : new Dependents((int) assignments, (int) scores, (int) posted, (int) comments);
    }

    private static boolean isCalcOrComposite(Object type) {
        return ItemType.CALC_OPTION.name().equals(type) || ItemType.COMPOSITE.name().equals(type);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
