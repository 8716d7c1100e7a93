package app.cascade.push.engine;

import app.cascade.grading.Origin;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link CourseChanges#of} and {@link UndoPlanner}: one test per kind of change a push's writes make and its undo puts
 * back, and one per refusal. Each push here is a hand-made plan, applied in memory as the writer applies it.
 */
class UndoPlannerTest {

    static final long S1 = 11;
    static final long S2 = 12;
    static final Dependents ONE_ASSIGNMENT = new Dependents(1, 0, 0, 0);

    private final Item task = course("c.S1", TASK, task("S1", "Semester 1"), "m.S1", Origin.MASTER);
    private final Item tests = course("c.Tests", CATEGORY, category("Tests", 60), "m.Tests", Origin.MASTER);
    /** Kept as course managed once, with a creation instant in microseconds as the database stores it. */
    private final Item labs = new Item(id("c.Labs"), CATEGORY, category("Labs", 10), id("m.Gone"), Origin.COURSE,
            true, false, Instant.parse("2026-02-03T04:05:06.123456Z"));
    private final Item testsS1 = course("s1.Tests", CATEGORY, category("Tests", 60), "c.Tests", Origin.MASTER);
    private final Item labsS1 = course("s1.Labs", CATEGORY, category("Labs", 10), "c.Labs", Origin.COURSE);
    private final Item quizS1 = course("s1.Quiz", CATEGORY, category("Quiz", 5), null, Origin.TEACHER);
    /** A section calc option forced to No Calculation. */
    private final Item calcS1 = new Item(id("s1.calc"), CALC_OPTION, calc("S1", "Q1", ItemValues.NO_CALCULATION),
            null, Origin.TEACHER, false, true, Instant.parse("2026-01-05T00:00:00Z"));
    private final Item testsS2 = course("s2.Tests", CATEGORY, category("Tests", 60), "c.Tests", Origin.MASTER);

    private final CourseInput before = new CourseInput(100, "Lakeside High", "ENG101", info("English 9", "SC-01"), 1L,
            false, Set.of("Q1"), List.of(task, tests, labs),
            List.of(new SectionInput(S1, "1", "Ada", List.of(testsS1, labsS1, quizS1, calcS1)),
                    new SectionInput(S2, "2", "Bob", List.of(testsS2))));

    /** A new course category (Homework) with its copy in section 1, as a push would create them. */
    private final Item homework = new Item(id("c.Homework"), CATEGORY, category("Homework", 20), id("m.Homework"),
            Origin.MASTER, false, false, Instant.parse("2026-12-01T10:00:00.000001Z"));
    private final Item homeworkS1 = new Item(id("s1.Homework"), CATEGORY, category("Homework", 20), homework.id(),
            Origin.MASTER, false, false, Instant.parse("2026-12-01T10:00:00.000002Z"));

    private static CoursePlan push(CourseInfo newInfo, List<ItemWrite> writes, List<UUID> courseDeletes,
                                   List<UUID> sectionDeletes) {
        return new CoursePlan(100, CourseOutcome.PUSHED, newInfo, writes, courseDeletes, sectionDeletes, List.of(),
                PlanCounts.ZERO);
    }

    private static ItemWrite insert(Long sectionId, Item item) {
        return new ItemWrite(sectionId, item, true);
    }

    private static ItemWrite update(Long sectionId, Item item) {
        return new ItemWrite(sectionId, item, false);
    }

    /** The undo of {@code push} planned on the course the push left, not changed since, without dependents. */
    private CoursePlan undoOf(CoursePlan push) {
        return UndoPlanner.plan(push.applyTo(before), CourseChanges.of(before, push), false, Map.of());
    }

    private void assertPutsBack(CoursePlan push, CoursePlan undo) {
        assertThat(undo.outcome()).isEqualTo(CourseOutcome.PUSHED);
        assertThat(UndoPropertyTest.canonical(undo.applyTo(push.applyTo(before))))
                .isEqualTo(UndoPropertyTest.canonical(before));
        assertThat(undo.rows()).extracting(ReportRow::reason).containsOnly(ReasonCode.RESTORED);
    }

    // ---- what a push changed ----

    @Test
    void the_changes_of_a_course_delete_include_every_section_copy_the_writer_deletes_with_it() {
        CoursePlan push = push(null, List.of(), List.of(labs.id()), List.of(calcS1.id()));

        CourseChanges changes = CourseChanges.of(before, push);

        assertThat(changes.infoBefore()).isNull();
        assertThat(changes.items()).containsExactly(
                new ItemChange(S1, calcS1.id(), ItemChange.Kind.DELETED, calcS1),
                new ItemChange(S1, labsS1.id(), ItemChange.Kind.DELETED, labsS1),
                new ItemChange(null, labs.id(), ItemChange.Kind.DELETED, labs));
    }

    @Test
    void the_changes_list_inserts_without_a_before_and_updates_with_the_stored_item_and_course_info_only_when_written() {
        Item renamed = new Item(tests.id(), CATEGORY, category("Tests (1)", 60), null, Origin.COURSE, false, false,
                Instant.parse("2027-01-01T00:00:00Z"));
        CoursePlan push = push(info("English 10", "SC-01"), List.of(update(null, renamed), insert(S1, homeworkS1),
                insert(null, homework)), List.of(), List.of());

        CourseChanges changes = CourseChanges.of(before, push);

        assertThat(changes.infoBefore()).isEqualTo(before.info());
        assertThat(changes.items()).containsExactly(
                new ItemChange(null, homework.id(), ItemChange.Kind.INSERTED, null),
                new ItemChange(S1, homeworkS1.id(), ItemChange.Kind.INSERTED, null),
                new ItemChange(null, tests.id(), ItemChange.Kind.UPDATED, tests));
        assertThat(CourseChanges.of(before, push(null, List.of(), List.of(), List.of())).isEmpty()).isTrue();
    }

    @Test
    void the_changes_of_a_plan_that_does_not_fit_the_course_are_refused() {
        assertThatThrownBy(() -> CourseChanges.of(before, push(null, List.of(), List.of(id("nothing")), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not hold");
        assertThatThrownBy(() -> CourseChanges.of(before, push(null, List.of(update(null, quizS1)), List.of(),
                List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not hold");
        assertThatThrownBy(() -> CourseChanges.of(before, push(null, List.of(insert(null, tests)), List.of(),
                List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("which exists");
    }

    // ---- what an undo puts back ----

    @Test
    void items_the_push_deleted_come_back_with_their_ids_and_everything_they_had_a_section_item_in_its_section() {
        CoursePlan push = push(null, List.of(), List.of(labs.id()), List.of(calcS1.id()));

        CoursePlan undo = undoOf(push);

        assertPutsBack(push, undo);
        assertThat(undo.writes()).containsExactlyInAnyOrder(insert(null, labs), insert(S1, labsS1), insert(S1, calcS1));
        assertThat(undo.rows()).extracting(ReportRow::section, ReportRow::item, ReportRow::outcome)
                .containsExactlyInAnyOrder(tuple(null, "Labs", "Re-created"),
                        tuple("1", "Labs", "Re-created"),
                        tuple("1", "S1 / Q1", "Re-created"));
        assertThat(undo.counts()).isEqualTo(new PlanCounts(3, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void items_the_push_updated_get_their_values_back_names_included() {
        Item renamed = new Item(quizS1.id(), CATEGORY, category("Quiz (1)", 5), null, Origin.TEACHER, true, false,
                quizS1.createdAt());
        Item relinked = new Item(tests.id(), CATEGORY, category("Tests", 70), id("m.Other"), Origin.MASTER, false,
                false, tests.createdAt());
        CoursePlan push = push(null, List.of(update(S1, renamed), update(null, relinked)), List.of(), List.of());

        CoursePlan undo = undoOf(push);

        assertPutsBack(push, undo);
        assertThat(undo.writes()).containsExactlyInAnyOrder(update(S1, quizS1), update(null, tests));
        assertThat(undo.rows()).filteredOn(r -> "1".equals(r.section())).singleElement().satisfies(r -> {
            assertThat(r.item()).isEqualTo("Quiz");
            assertThat(r.outcome()).isEqualTo("Restored");
            assertThat(r.message()).contains("renamed back from \"Quiz (1)\"");
        });
        assertThat(undo.counts()).isEqualTo(new PlanCounts(0, 2, 0, 0, 0, 0, 0));
    }

    @Test
    void items_the_push_inserted_are_deleted_a_course_item_with_the_section_copies_it_inserted() {
        CoursePlan push = push(null, List.of(insert(null, homework), insert(S1, homeworkS1)), List.of(), List.of());

        CoursePlan undo = undoOf(push);

        assertPutsBack(push, undo);
        assertThat(undo.courseDeletes()).containsExactly(homework.id());
        assertThat(undo.sectionDeletes()).containsExactly(homeworkS1.id());
        assertThat(undo.writes()).isEmpty();
        assertThat(undo.rows()).extracting(ReportRow::outcome).containsExactly("Deleted", "Deleted");
        assertThat(undo.counts()).isEqualTo(new PlanCounts(0, 0, 0, 2, 0, 0, 0));
    }

    @Test
    void course_info_gets_its_fields_back_with_one_row_naming_them() {
        CourseInfo pushed = new CourseInfo("English 10", "SC-01", "English", new BigDecimal("2.50"), BigDecimal.ONE,
                "desc");
        CoursePlan push = push(pushed, List.of(), List.of(), List.of());

        CoursePlan undo = undoOf(push);

        assertPutsBack(push, undo);
        assertThat(undo.newInfo()).isEqualTo(before.info());
        assertThat(undo.rows()).singleElement().satisfies(r -> {
            assertThat(r.dataType()).isEqualTo("Course Info");
            assertThat(r.item()).isEqualTo("Name, Credits");
        });
        assertThat(undo.counts()).isEqualTo(new PlanCounts(0, 0, 0, 0, 0, 0, 2));
    }

    /** The writer deletes a course item's section copies by link before it updates: the relinked item goes too. */
    @Test
    void a_section_item_the_push_relinked_to_an_item_it_created_is_deleted_with_it_and_inserted_again_as_before() {
        Item quizLinked = new Item(quizS1.id(), CATEGORY, category("Quiz", 5), homework.id(), Origin.MASTER, false,
                false, quizS1.createdAt());
        CoursePlan push = push(null, List.of(insert(null, homework), update(S1, quizLinked)), List.of(), List.of());

        CoursePlan undo = undoOf(push);

        assertPutsBack(push, undo);
        assertThat(undo.courseDeletes()).containsExactly(homework.id());
        assertThat(undo.sectionDeletes()).containsExactly(quizS1.id());
        assertThat(undo.writes()).containsExactly(insert(S1, quizS1));
        assertThat(undo.rows()).extracting(ReportRow::outcome).containsExactly("Deleted", "Restored");
        assertThat(undo.counts()).isEqualTo(new PlanCounts(0, 1, 0, 1, 0, 0, 0));
    }

    @Test
    void a_course_already_put_back_is_planned_as_nothing_to_do_and_reports_nothing() {
        CoursePlan push = push(info("English 10", "SC-01"), List.of(insert(null, homework),
                update(S1, new Item(quizS1.id(), CATEGORY, category("Quiz (1)", 5), null, Origin.TEACHER, false, false,
                        quizS1.createdAt()))), List.of(labs.id()), List.of());
        CourseChanges changes = CourseChanges.of(before, push);
        CourseInput undone = UndoPlanner.plan(push.applyTo(before), changes, false, Map.of())
                .applyTo(push.applyTo(before));

        CoursePlan again = UndoPlanner.plan(undone, changes, false, Map.of());

        assertThat(again.changesNothing()).isTrue();
        assertThat(again.outcome()).isEqualTo(CourseOutcome.PUSHED);
        assertThat(again.rows()).isEmpty();
        assertThat(again.counts()).isEqualTo(PlanCounts.ZERO);
    }

    // ---- refusals: nothing written, one CHANGED_SINCE_PUSH (or UNDO_KEEPS_GRADES) row ----

    private static void assertRefused(CoursePlan undo, String message) {
        assertRefused(undo, message, ReasonCode.CHANGED_SINCE_PUSH);
    }

    private static void assertRefused(CoursePlan undo, String message, ReasonCode reason) {
        assertThat(undo.outcome()).isEqualTo(CourseOutcome.SKIPPED);
        assertThat(undo.changesNothing()).isTrue();
        assertThat(undo.counts()).isEqualTo(PlanCounts.ZERO);
        assertThat(undo.rows()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.outcome()).isEqualTo("Not restored");
            assertThat(r.courseNumber()).isEqualTo("ENG101");
            assertThat(r.message()).contains(message);
        });
    }

    @Test
    void a_course_changed_since_the_push_is_left_as_it_is() {
        CoursePlan push = push(null, List.of(insert(null, homework)), List.of(labs.id()), List.of());

        CoursePlan undo = UndoPlanner.plan(push.applyTo(before), CourseChanges.of(before, push), true, Map.of());

        assertRefused(undo, "Changed after the push");
    }

    @Test
    void an_item_the_push_created_that_has_dependents_is_never_deleted_and_the_course_is_left_as_it_is() {
        CoursePlan push = push(null, List.of(insert(null, homework), insert(S1, homeworkS1)), List.of(labs.id()),
                List.of());

        CoursePlan undo = UndoPlanner.plan(push.applyTo(before), CourseChanges.of(before, push), false,
                Map.of(homeworkS1.id(), ONE_ASSIGNMENT));

        assertRefused(undo, "\"Homework\" was created by the push and has grades or assignments",
                ReasonCode.UNDO_KEEPS_GRADES);
        assertThat(undo.rows().getFirst().section()).isEqualTo("1");
        assertThat(undo.rows().getFirst().dependents()).isEqualTo(ONE_ASSIGNMENT);
    }

    @Test
    void a_relinked_section_item_with_dependents_is_never_deleted_with_the_item_the_push_created() {
        Item quizLinked = new Item(quizS1.id(), CATEGORY, category("Quiz", 5), homework.id(), Origin.MASTER, false,
                false, quizS1.createdAt());
        CoursePlan push = push(null, List.of(insert(null, homework), update(S1, quizLinked)), List.of(), List.of());

        CoursePlan undo = UndoPlanner.plan(push.applyTo(before), CourseChanges.of(before, push), false,
                Map.of(quizS1.id(), ONE_ASSIGNMENT));

        assertRefused(undo, "\"Quiz\" has grades or assignments and would go with the item the push created",
                ReasonCode.UNDO_KEEPS_GRADES);
    }

    @Test
    void a_course_without_an_item_to_put_back_does_not_fit_and_is_left_as_it_is() {
        Item renamed = new Item(quizS1.id(), CATEGORY, category("Quiz (1)", 5), null, Origin.TEACHER, false, false,
                quizS1.createdAt());
        CoursePlan push = push(null, List.of(update(S1, renamed)), List.of(), List.of());
        CourseInput after = push.applyTo(before);
        CourseInput withoutQuiz = push(null, List.of(), List.of(), List.of(quizS1.id())).applyTo(after);

        CoursePlan undo = UndoPlanner.plan(withoutQuiz, CourseChanges.of(before, push), false, Map.of());

        assertRefused(undo, "does not match what the push changed: \"Quiz\" is missing");
    }

    @Test
    void a_course_that_holds_an_item_to_re_create_already_does_not_fit_and_is_left_as_it_is() {
        CoursePlan push = push(null, List.of(insert(null, homework)), List.of(labs.id()), List.of());
        CourseInput after = push.applyTo(before);
        CourseInput labsBack = push(null, List.of(insert(null, labs)), List.of(), List.of()).applyTo(after);

        CoursePlan undo = UndoPlanner.plan(labsBack, CourseChanges.of(before, push), false, Map.of());

        assertRefused(undo, "\"Labs\" is there again");
    }

    @Test
    void a_section_item_linked_to_an_item_the_push_created_but_not_changed_by_it_does_not_fit() {
        CoursePlan push = push(null, List.of(insert(null, homework)), List.of(), List.of());
        Item teachers = new Item(id("s2.Homework"), CATEGORY, category("Homework", 20), homework.id(),
                Origin.TEACHER, false, false, Instant.parse("2027-01-01T00:00:00Z"));
        CourseInput after = push(null, List.of(insert(S2, teachers)), List.of(), List.of()).applyTo(push.applyTo(before));

        CoursePlan undo = UndoPlanner.plan(after, CourseChanges.of(before, push), false, Map.of());

        assertRefused(undo, "\"Homework\" is linked to an item the push created");
        assertThat(undo.rows().getFirst().section()).isEqualTo("2");
    }

    @Test
    void an_undo_of_a_push_that_changed_nothing_changes_nothing_and_reports_nothing() {
        CoursePlan undo = undoOf(push(null, List.of(), List.of(), List.of()));

        assertThat(undo.changesNothing()).isTrue();
        assertThat(undo.rows()).isEmpty();
    }

    @Test
    void changes_of_another_course_are_a_caller_error() {
        CourseChanges other = new CourseChanges(101, null, new ArrayList<>());

        assertThatThrownBy(() -> UndoPlanner.plan(before, other, false, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_undo_reason_codes_read_as_words_and_a_course_left_as_it_is_is_a_warning() {
        assertThat(ReasonCode.RESTORED.label()).isEqualTo("Restored as before the push");
        assertThat(ReasonCode.CHANGED_SINCE_PUSH.label()).isEqualTo("Changed since the push");
        assertThat(ReasonCode.CHANGED_SINCE_PUSH.isWarning()).isTrue();
        assertThat(ReasonCode.UNDO_KEEPS_GRADES.label()).isEqualTo("Not undone: an item has grades or assignments");
        assertThat(ReasonCode.UNDO_KEEPS_GRADES.isWarning()).isTrue();
        assertThat(ReasonCode.RESTORED.isWarning()).isFalse();
    }
}
