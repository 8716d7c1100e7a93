package app.cascade.reports;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushRuns;
import app.cascade.push.PushService;
import app.cascade.push.engine.PushMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.UUID;

import static app.cascade.grading.ItemType.ASSESSMENT;
import static app.cascade.grading.ItemType.CATEGORY;
import static app.cascade.grading.ItemType.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 15: Course Master Awaiting Push nets the changes made since a master's last push, one row per item that
 * differs from what was pushed; changes that cancel out are not listed.
 */
@CascadeIntegrationTest
class AwaitingPushNettingIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    AwaitingPushService awaiting;
    @Autowired
    CourseMasterEditService masters;
    @Autowired
    PushService pushes;

    ReportsFixture f;
    ReportFilter filter;

    @BeforeEach
    void pushedDistrict() {
        f = new ReportsFixture(context);
        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class)));
        TestUsers.signIn(context, "alpha.admin");
        filter = ReportFilter.all().catalog(f.catalog).year(f.current);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static ItemEdit category(String name, String weight) {
        return ItemEdit.category(name, new BigDecimal(weight));
    }

    @Test
    void an_item_added_then_removed_or_changed_back_to_its_pushed_values_is_not_listed() {
        UUID labs = masters.addItem(f.eng.id(), CATEGORY, category("Labs", "10"));
        masters.updateItem(labs, category("Labs", "15"));
        masters.removeItem(labs);
        UUID tests = f.eng.itemId(CATEGORY, "tests");
        masters.updateItem(tests, category("Tests", "55"));
        masters.updateItem(tests, category("Tests", "60"));
        masters.removeItem(f.eng.itemId(CATEGORY, "homework"));
        masters.addItem(f.eng.id(), CATEGORY, category("Homework", "40"));

        assertThat(awaiting.page(filter, 0, 50)).isEmpty();
        assertThat(awaiting.count(filter)).isZero();
    }

    @Test
    void the_changes_that_remain_are_one_row_per_item_with_the_net_change() {
        UUID tests = f.eng.itemId(CATEGORY, "tests");
        masters.updateItem(tests, category("Tests", "55"));
        masters.updateItem(tests, category("Tests", "50"));
        UUID s2 = masters.addItem(f.eng.id(), TASK, ItemEdit.task("S2", "Semester 2"));
        masters.updateItem(s2, ItemEdit.task("S2", "Second semester"));
        UUID homework = f.eng.itemId(CATEGORY, "homework");
        masters.removeItem(homework);
        UUID again = masters.addItem(f.eng.id(), CATEGORY, category("Homework", "40"));
        masters.removeItem(again);
        masters.removeItem(f.eng.itemId(ASSESSMENT, "A1"));
        masters.removeItem(f.mat.itemId(CATEGORY, "tests"));
        masters.addItem(f.mat.id(), CATEGORY, category("Tests", "45"));

        TestUsers.signIn(context, "alpha.viewer");
        assertThat(awaiting.page(filter, 0, 50))
                .extracting(AwaitingPushRow::masterNumber, AwaitingPushRow::item, AwaitingPushRow::changeLabel)
                .containsExactlyInAnyOrder(
                        tuple("ENG101", "Tests", "Modified"),
                        tuple("ENG101", "S2", "Added"),
                        tuple("ENG101", "Homework", "Removed"),
                        tuple("ENG101", "A1", "Removed"),
                        tuple("MAT101", "Tests", "Modified"));
        assertThat(awaiting.count(filter)).isEqualTo(5);
    }

    @Test
    void a_change_back_still_counts_for_a_master_whose_linked_courses_hold_other_values() {
        UUID tests = f.eng.itemId(CATEGORY, "tests");
        f.d.update("update course_item set weight = 70 where master_item_id = ?", tests);
        masters.updateItem(tests, category("Tests", "55"));
        masters.updateItem(tests, category("Tests", "60"));

        assertThat(awaiting.page(filter, 0, 50)).extracting(AwaitingPushRow::item, AwaitingPushRow::changeLabel)
                .containsExactly(tuple("Tests", "Modified"));
    }
}
