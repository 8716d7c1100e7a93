package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.cascade.push.engine.Items.category;
import static app.cascade.push.engine.Items.calc;
import static app.cascade.push.engine.Items.course;
import static app.cascade.push.engine.Items.id;
import static app.cascade.push.engine.Items.info;
import static app.cascade.push.engine.Items.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link KnownDependents#after} keeps of the dependents read before a chunk's writes, case by case; the random
 * districts of {@link KnownDependentsAfterPushTest} check that what it keeps is true after the push.
 */
class KnownDependentsTest {

    private static final Dependents TWO_ASSIGNMENTS = new Dependents(2, 6, 0, 1);

    private final Item task = course("T1", ItemType.TASK, task("T1", "Term 1"), "m-T1", Origin.MASTER);
    private final Item tests = course("Tests", ItemType.CATEGORY, category("Tests", 50), "m-Tests", Origin.MASTER);
    private final Item calcOption = course("Calc", ItemType.CALC_OPTION, calc("T1", "Q1", "POINTS"), null,
            Origin.MASTER);
    private final Item sectionTests = course("s-Tests", ItemType.CATEGORY, category("Tests", 50), "Tests",
            Origin.MASTER);
    private final CourseInput before = new CourseInput(1, "High", "ENG1", info("English", "E1"), 10L, false,
            Set.of("Q1"), List.of(task, tests, calcOption),
            List.of(new SectionInput(100, "1", "Ms. A", List.of(sectionTests))));

    private KnownDependents knownBefore() {
        return KnownDependents.of(Map.of(task.id(), TWO_ASSIGNMENTS, tests.id(), TWO_ASSIGNMENTS),
                List.of(task.id(), tests.id(), calcOption.id(), sectionTests.id()));
    }

    private static CoursePlan plan(List<ItemWrite> writes, List<UUID> courseDeletes, List<UUID> sectionDeletes) {
        return new CoursePlan(1, CourseOutcome.PUSHED, null, writes, courseDeletes, sectionDeletes, List.of(),
                PlanCounts.ZERO);
    }

    @Test
    void an_item_read_is_known_with_its_counts_or_none_and_an_item_not_read_is_unknown() {
        KnownDependents known = knownBefore();

        assertThat(known.known(task.id())).isEqualTo(TWO_ASSIGNMENTS);
        assertThat(known.known(sectionTests.id())).isEqualTo(Dependents.NONE);
        assertThat(known.known(id("never read"))).isNull();
        assertThat(known.unread(List.of(task.id(), id("never read")))).containsExactly(id("never read"));
    }

    @Test
    void a_plan_that_writes_nothing_keeps_everything_but_the_calc_options_and_composites() {
        KnownDependents after = knownBefore().after(List.of(plan(List.of(), List.of(), List.of())),
                Map.of(1L, before));

        assertThat(after.known(task.id())).isEqualTo(TWO_ASSIGNMENTS);
        assertThat(after.known(tests.id())).isEqualTo(TWO_ASSIGNMENTS);
        assertThat(after.known(sectionTests.id())).isEqualTo(Dependents.NONE);
        assertThat(after.known(calcOption.id())).as("its counts follow task codes and terms").isNull();
    }

    @Test
    void a_deleted_item_and_the_course_item_a_written_section_item_links_to_are_forgotten() {
        Item renamed = new Item(sectionTests.id(), ItemType.CATEGORY, category("Tests!", 50), tests.id(),
                Origin.MASTER, false, false, sectionTests.createdAt());
        KnownDependents after = knownBefore().after(List.of(plan(List.of(new ItemWrite(100L, renamed, false)),
                List.of(task.id()), List.of())), Map.of(1L, before));

        assertThat(after.known(task.id())).as("deleted").isNull();
        assertThat(after.known(tests.id())).as("a section copy of it was written").isNull();
    }

    @Test
    void a_new_item_is_known_to_have_nothing_unless_it_is_a_calc_option_or_composite() {
        Item newCategory = course("Homework", ItemType.CATEGORY, category("Homework", 10), "m-Homework",
                Origin.MASTER);
        Item newCalc = course("Calc2", ItemType.CALC_OPTION, calc("T1", "Q1", "POINTS"), null, Origin.MASTER);
        KnownDependents after = knownBefore().after(List.of(plan(List.of(new ItemWrite(null, newCategory, true),
                new ItemWrite(null, newCalc, true)), List.of(), List.of())), Map.of(1L, before));

        assertThat(after.known(newCategory.id())).isEqualTo(Dependents.NONE);
        assertThat(after.known(newCalc.id())).isNull();
    }
}
