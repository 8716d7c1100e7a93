package app.cascade.push.engine;

import app.cascade.grading.Origin;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static app.cascade.grading.ItemType.CALC_OPTION;
import static app.cascade.grading.ItemType.CATEGORY;
import static app.cascade.grading.ItemType.TASK;
import static app.cascade.push.engine.Items.calc;
import static app.cascade.push.engine.Items.category;
import static app.cascade.push.engine.Items.course;
import static app.cascade.push.engine.Items.id;
import static app.cascade.push.engine.Items.info;
import static app.cascade.push.engine.Items.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CoursePlan#applyTo}: one test per kind of change the executor's writer makes. */
class CoursePlanApplyTest {

    static final long S1 = 11;
    static final long S2 = 12;

    private final Item task = course("c.S1", TASK, task("S1", "Semester 1"), "m.S1", Origin.MASTER);
    private final Item tests = course("c.Tests", CATEGORY, category("Tests", 60), "m.Tests", Origin.MASTER);
    private final Item labs = course("c.Labs", CATEGORY, category("Labs", 10), null, Origin.COURSE);
    private final Item testsS1 = course("s1.Tests", CATEGORY, category("Tests", 60), "c.Tests", Origin.MASTER);
    private final Item labsS1 = course("s1.Labs", CATEGORY, category("Labs", 10), "c.Labs", Origin.COURSE);
    private final Item quizS1 = course("s1.Quiz", CATEGORY, category("Quiz", 5), null, Origin.TEACHER);
    private final Item testsS2 = course("s2.Tests", CATEGORY, category("Tests", 60), "c.Tests", Origin.MASTER);

    private final CourseInput before = new CourseInput(100, "Lakeside High", "ENG101", info("English 9", "SC-01"), 1L,
            false, Set.of("Q1"), List.of(task, tests, labs),
            List.of(new SectionInput(S1, "1", "Ada", List.of(testsS1, labsS1, quizS1)),
                    new SectionInput(S2, "2", "Bob", List.of(testsS2))));

    private static CoursePlan plan(CourseInfo newInfo, List<ItemWrite> writes, List<UUID> courseDeletes,
                                   List<UUID> sectionDeletes) {
        return new CoursePlan(100, CourseOutcome.PUSHED, newInfo, writes, courseDeletes, sectionDeletes, List.of(),
                PlanCounts.ZERO);
    }

    private static List<Item> items(CourseInput course, long sectionId) {
        return course.sections().stream().filter(s -> s.id() == sectionId).findFirst().orElseThrow().items();
    }

    @Test
    void an_empty_plan_leaves_the_course_as_it_was() {
        assertThat(plan(null, List.of(), List.of(), List.of()).applyTo(before)).isEqualTo(before);
    }

    @Test
    void a_course_delete_takes_every_section_item_linked_to_it_even_when_the_plan_does_not_list_them() {
        CourseInput after = plan(null, List.of(), List.of(tests.id()), List.of()).applyTo(before);

        assertThat(after.items()).containsExactly(task, labs);
        assertThat(items(after, S1)).containsExactly(labsS1, quizS1);
        assertThat(items(after, S2)).isEmpty();
    }

    @Test
    void a_section_delete_removes_only_that_section_item() {
        CourseInput after = plan(null, List.of(), List.of(), List.of(quizS1.id(), testsS2.id())).applyTo(before);

        assertThat(after.items()).isEqualTo(before.items());
        assertThat(items(after, S1)).containsExactly(testsS1, labsS1);
        assertThat(items(after, S2)).isEmpty();
    }

    @Test
    void a_section_item_deleted_both_by_id_and_with_its_course_item_is_simply_gone() {
        CourseInput after = plan(null, List.of(), List.of(labs.id()), List.of(labsS1.id())).applyTo(before);

        assertThat(after.items()).containsExactly(task, tests);
        assertThat(items(after, S1)).containsExactly(testsS1, quizS1);
    }

    @Test
    void a_course_insert_is_appended_with_the_plans_id_and_its_creation_instant_to_the_microsecond() {
        Instant now = Instant.parse("2027-03-01T10:15:30.123456789Z");
        Item calcOption = new Item(id("c.calc"), CALC_OPTION, calc("S1", "Q1", "POINTS"), id("m.calc"),
                Origin.MASTER, false, false, now);

        CourseInput after = plan(null, List.of(new ItemWrite(null, calcOption, true)), List.of(), List.of())
                .applyTo(before);

        assertThat(after.items()).hasSize(4).startsWith(task, tests, labs);
        Item inserted = after.items().getLast();
        assertThat(inserted.id()).isEqualTo(id("c.calc"));
        assertThat(inserted.createdAt()).isEqualTo(Instant.parse("2027-03-01T10:15:30.123457Z"));
        assertThat(inserted).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(calcOption);
        assertThat(after.sections()).isEqualTo(before.sections());
    }

    @Test
    void a_section_insert_goes_to_the_section_the_write_names() {
        Item labsS2 = new Item(id("s2.Labs"), CATEGORY, category("Labs", 10), labs.id(), Origin.COURSE, false,
                false, Instant.parse("2027-03-01T10:15:30Z"));

        CourseInput after = plan(null, List.of(new ItemWrite(S2, labsS2, true)), List.of(), List.of())
                .applyTo(before);

        assertThat(items(after, S2)).containsExactly(testsS2, labsS2);
        assertThat(items(after, S1)).isEqualTo(items(before, S1));
        assertThat(after.items()).isEqualTo(before.items());
    }

    @Test
    void a_course_update_takes_every_column_but_type_and_creation_instant_and_keeps_the_items_place() {
        Item written = new Item(tests.id(), TASK, category("Exams", 70), null, Origin.COURSE, true, true,
                Instant.parse("2030-01-01T00:00:00Z"));

        CourseInput after = plan(null, List.of(new ItemWrite(null, written, false)), List.of(), List.of())
                .applyTo(before);

        assertThat(after.items()).containsExactly(task,
                new Item(tests.id(), CATEGORY, category("Exams", 70), null, Origin.COURSE, true, true,
                        tests.createdAt()),
                labs);
        assertThat(after.sections()).isEqualTo(before.sections());
    }

    @Test
    void a_section_update_finds_the_item_by_id_as_the_writer_does() {
        Item forced = new Item(quizS1.id(), CATEGORY, category("Quiz (1)", 5), null, Origin.TEACHER, false, false,
                quizS1.createdAt());

        CourseInput after = plan(null, List.of(new ItemWrite(S2, forced, false)), List.of(), List.of())
                .applyTo(before);

        assertThat(items(after, S1)).containsExactly(testsS1, labsS1, forced);
        assertThat(items(after, S2)).containsExactly(testsS2);
    }

    @Test
    void new_course_info_replaces_all_six_fields() {
        CourseInfo info = new CourseInfo("English 9 Honors", "SC-02", "Languages", new BigDecimal("1.50"),
                BigDecimal.TEN, "new");

        CourseInput after = plan(info, List.of(), List.of(), List.of()).applyTo(before);

        assertThat(after.info()).isEqualTo(info);
        assertThat(after).usingRecursiveComparison().ignoringFields("info").isEqualTo(before);
    }

    @Test
    void a_plan_that_does_not_fit_the_course_is_refused_with_a_message() {
        Item unknown = course("c.Gone", CATEGORY, category("Gone", 1), null, Origin.COURSE);
        assertThatThrownBy(() -> new CoursePlan(101, CourseOutcome.PUSHED, null, List.of(), List.of(), List.of(),
                List.of(), PlanCounts.ZERO).applyTo(before))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("course 101");
        assertThatThrownBy(() -> plan(null, List.of(new ItemWrite(null, unknown, false)), List.of(), List.of())
                .applyTo(before))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updates course item");
        assertThatThrownBy(() -> plan(null, List.of(new ItemWrite(S1, unknown, false)), List.of(), List.of())
                .applyTo(before))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updates section item");
        assertThatThrownBy(() -> plan(null, List.of(new ItemWrite(null, labs, true)), List.of(), List.of())
                .applyTo(before))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> plan(null, List.of(new ItemWrite(99L, unknown, true)), List.of(), List.of())
                .applyTo(before))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("section 99");
        assertThatThrownBy(() -> plan(null, List.of(), List.of(unknown.id()), List.of()).applyTo(before))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deletes course item");
        assertThatThrownBy(() -> plan(null, List.of(), List.of(), List.of(tests.id())).applyTo(before))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deletes section item");
    }

    @Test
    void creation_instants_are_rounded_to_the_microsecond_like_timestamptz() {
        assertThat(PlanApplier.asStored(Instant.parse("2027-03-01T10:15:30.123456Z")))
                .isEqualTo(Instant.parse("2027-03-01T10:15:30.123456Z"));
        assertThat(PlanApplier.asStored(Instant.parse("2027-03-01T10:15:30.123456400Z")))
                .isEqualTo(Instant.parse("2027-03-01T10:15:30.123456Z"));
        assertThat(PlanApplier.asStored(Instant.parse("2027-03-01T10:15:30.999999700Z")))
                .isEqualTo(Instant.parse("2027-03-01T10:15:31Z"));
    }
}
