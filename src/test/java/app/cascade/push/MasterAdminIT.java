package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CourseInfoValues;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.SetupEditException;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.ItemType;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Creating, editing and deleting course masters and their grading setup (issue 5), with the validation of
 * docs/decisions/0004-grading-setup-validation.md and the master_change log. Scenarios 20–27 are in
 * EditingScenariosIT.
 */
@CascadeIntegrationTest
class MasterAdminIT extends EditingAsAlphaAdmin {

    private static final CourseInfoValues SCIENCE = new CourseInfoValues("Biology", "SC-BIO", "Science",
            new BigDecimal("1.5"), new BigDecimal("4.0"), "Ninth grade biology");

    private List<String> changes() {
        return f.inAlpha(() -> f.jdbc.queryForList("""
                select m.number || ' ' || c.item_type || ' ' || c.item_label || ' ' || c.change || ' ' || c.changed_by
                from master_change c join course_master m on m.id = c.master_id order by c.id
                """, String.class));
    }

    private long masterCount() {
        return f.d.query("select count(*) from course_master", Long.class);
    }

    @Test
    void a_master_is_created_with_its_course_info_and_a_number_unique_in_the_catalog_ignoring_case() {
        long id = masters.createMaster(f.catalog, " BIO101 ", SCIENCE);

        assertThat(f.d.query("select number || '|' || name || '|' || state_code || '|' || department || '|' || credits"
                + " || '|' || gpa_weight || '|' || description from course_master where id = ?", String.class, id))
                .isEqualTo("BIO101|Biology|SC-BIO|Science|1.50|4.00|Ninth grade biology");
        assertThat(f.d.query("select count(*) from master_item where master_id = ?", Long.class, id)).isZero();

        assertThatThrownBy(() -> masters.createMaster(f.catalog, "eng101", SCIENCE))
                .isInstanceOf(SetupEditException.class)
                .hasMessage("A course master numbered ENG101 already exists in the catalog \"High School Catalog\": "
                        + "choose another number");
        assertThatThrownBy(() -> masters.createMaster(f.catalog, " ", SCIENCE)).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> masters.createMaster(f.catalog, "X1", new CourseInfoValues(" ", null, null, null,
                null, null))).hasMessageContaining("name must not be empty");
        assertThatThrownBy(() -> masters.createMaster(f.catalog, "X1", new CourseInfoValues("X", null, null,
                new BigDecimal("-1"), null, null))).hasMessageContaining("Credits cannot be negative");
        assertThatThrownBy(() -> masters.createMaster(-5, "X1", SCIENCE)).hasMessageContaining("No such course catalog");
        // the same number in another catalog is fine
        long middle = f.d.catalog("Middle School Catalog");
        masters.createMaster(middle, "ENG101", SCIENCE);

        assertThat(masterCount()).isEqualTo(4);
        assertThat(changes()).as("creating a master changes no grading setup").isEmpty();
    }

    @Test
    void editing_course_info_is_not_recorded_as_a_grading_change() {
        long version = f.d.query("select version from course_master where id = ?", Long.class, f.eng.id());

        masters.updateInfo(f.eng.id(), SCIENCE);
        masters.updateInfo(f.eng.id(), CatalogLock.DEPARTMENT, "Sciences");

        assertThat(f.d.query("select name || '|' || department || '|' || credits from course_master where id = ?",
                String.class, f.eng.id())).isEqualTo("Biology|Sciences|1.50");
        assertThat(f.d.query("select version from course_master where id = ?", Long.class, f.eng.id()))
                .isEqualTo(version + 2);
        assertThat(changes()).isEmpty();
        assertThatThrownBy(() -> masters.updateInfo(f.eng.id(), new CourseInfoValues("", null, null, null, null,
                null))).isInstanceOf(SetupEditException.class);
    }

    @Test
    void every_grading_change_through_the_service_is_recorded_with_who_and_what() {
        masters.addItem(f.eng.id(), ItemType.STANDARD, ItemEdit.task("RL.9.1", "Cite evidence"));
        masters.updateItem(f.eng.itemId(ItemType.CATEGORY, "tests"), ItemEdit.category("Tests", new BigDecimal("55")));
        masters.removeItem(f.eng.itemId(ItemType.ASSESSMENT, "A1"));
        long copy = copies.copyToNew(f.eng.id(), f.catalog, "ENG102", EnumSet.of(
                app.cascade.grading.LockType.CATEGORIES)).targetMasterIds().getFirst();
        copies.copyToExisting(f.eng.id(), List.of(f.mat.id()), EnumSet.of(
                app.cascade.grading.LockType.CATEGORIES));

        assertThat(changes()).containsExactlyInAnyOrder(
                "ENG101 STANDARD RL.9.1 ADDED alpha.admin",
                "ENG101 CATEGORY Tests MODIFIED alpha.admin",
                "ENG101 ASSESSMENT A1 REMOVED alpha.admin",
                "ENG102 CATEGORY Homework ADDED alpha.admin",
                "ENG102 CATEGORY Tests ADDED alpha.admin",
                "MAT101 CATEGORY Tests MODIFIED alpha.admin",
                "MAT101 CATEGORY Homework ADDED alpha.admin");
        assertThat(f.d.query("select count(*) from master_item where master_id = ?", Long.class, copy)).isEqualTo(2);
    }

    @Test
    void keys_are_unique_within_a_type_and_task_and_standard_codes_across_both() {
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.TASK, ItemEdit.task("S1", "Again")))
                .isInstanceOf(SetupEditException.class)
                .hasMessageContaining("already has a grading task \"S1\"");
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.STANDARD, ItemEdit.task("Q3", "Standard")))
                .hasMessageContaining("already has a grading task \"Q3\"")
                .hasMessageContaining("unique across both");
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.CATEGORY, ItemEdit.category(" TESTS ",
                BigDecimal.ONE))).hasMessageContaining("already has a category \"TESTS\"");
        UUID q3 = f.eng.itemId(ItemType.TASK, "Q3");
        assertThatThrownBy(() -> masters.updateItem(q3, ItemEdit.task("S1", "Quarter 3")))
                .hasMessageContaining("already has a grading task \"S1\"");
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.CALC_OPTION,
                ItemEdit.calcOption("S1", "Q1", "POINTS"))).hasMessageContaining("grade calc option \"S1 / Q1\"");

        // an item keeps its own key when edited, and the same code is fine on another master
        masters.updateItem(q3, ItemEdit.task("Q3", "Third quarter"));
        masters.addItem(f.mat.id(), ItemType.TASK, ItemEdit.task("Q3", "Quarter 3"));
        assertThat(changes()).containsExactly("ENG101 TASK Q3 MODIFIED alpha.admin",
                "MAT101 TASK Q3 ADDED alpha.admin");
    }

    @Test
    void weights_are_never_negative_and_composite_parts_add_up_to_100_percent() {
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.CATEGORY, ItemEdit.category("Labs",
                new BigDecimal("-5")))).isInstanceOf(SetupEditException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.COMPOSITE, composite("S1", "Q2",
                "Q3 Q1 60\nS1 Q1 30"))).hasMessageContaining("must add up to 100 %").hasMessageContaining("= 90 %");
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.COMPOSITE, composite("S1", "Q2",
                "Q3 Q1 60\nZZ Q1 40"))).hasMessageContaining("no grading task or standard ZZ");
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.CALC_OPTION,
                ItemEdit.calcOption("NOPE", "Q1", "POINTS"))).hasMessageContaining("no grading task or standard NOPE");
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.CALC_OPTION,
                new ItemEdit(null, null, "S1", "Q2", null, 0, "POINTS", -1, null)))
                .hasMessageContaining("Rounding cannot be negative");
        assertThat(changes()).as("refused edits record nothing").isEmpty();

        UUID semester = masters.addItem(f.eng.id(), ItemType.COMPOSITE, composite("S1", "Q2", "Q3 Q1 60\nS1 Q1 40"));
        assertThatThrownBy(() -> masters.updateItem(semester, composite("S1", "Q2", "Q3 Q1 60\nS1 Q1 50")))
                .hasMessageContaining("= 110 %");
        assertThat(f.d.query("select parts::text from master_item where id = ?", String.class, semester))
                .contains("\"weight\": 40");
        assertThat(changes()).containsExactly("ENG101 COMPOSITE S1 / Q2 ADDED alpha.admin");
    }

    @Test
    void a_task_that_calc_options_or_composites_refer_to_cannot_be_removed_and_the_refusal_names_them() {
        UUID semester = masters.addItem(f.eng.id(), ItemType.COMPOSITE, composite("S1", "Q2", "Q3 Q1 100"));
        UUID q3 = f.eng.itemId(ItemType.TASK, "Q3");

        assertThatThrownBy(() -> masters.removeItem(q3)).isInstanceOf(SetupEditException.class)
                .hasMessageContaining("\"Q3\" cannot be removed")
                .hasMessageContaining("composite grade S1 / Q2, grade calc option Q3 / Q1");
        assertThat(f.d.query("select count(*) from master_item where id = ?", Long.class, q3)).isEqualTo(1);

        masters.removeItem(f.eng.itemId(ItemType.CALC_OPTION, "Q3|Q1"));
        masters.removeItem(semester);
        masters.removeItem(q3);
        assertThat(changes()).extracting(c -> c.split(" ")[1] + " " + c.split(" ")[c.split(" ").length - 2])
                .containsExactly("COMPOSITE ADDED", "CALC_OPTION REMOVED", "COMPOSITE REMOVED", "TASK REMOVED");
    }

    @Test
    void a_master_without_linked_courses_is_deleted_and_one_with_them_is_kept_whole() {
        long bio = masters.createMaster(f.catalog, "BIO101", SCIENCE);
        masters.addItem(bio, ItemType.TASK, ItemEdit.task("S1", "Semester 1"));

        masters.deleteMaster(bio);

        assertThat(f.d.query("select count(*) from course_master where id = ?", Long.class, bio)).isZero();
        assertThat(f.d.query("select count(*) from master_item where master_id = ?", Long.class, bio)).isZero();
        long pushed = masters.createMaster(f.catalog, "BIO102", SCIENCE);
        f.d.update("insert into push_request (id, kind, master_id, school_year_id, mode, to_sections, data_types,"
                + " status, submitted_by) values (gen_random_uuid(), 'MASTER', ?, ?, 'PUSH_LOCKED', false, '{}',"
                + " 'COMPLETED', 'alpha.push')", pushed, f.current);
        assertThatThrownBy(() -> masters.deleteMaster(pushed)).isInstanceOf(SetupEditException.class)
                .hasMessageContaining("1 Push to Courses request in the batch queue history refers to it");
        long items = f.d.query("select count(*) from master_item where master_id = ?", Long.class, f.eng.id());
        assertThatThrownBy(() -> masters.deleteMaster(f.eng.id())).hasMessageContaining("ENG101 (LHS, 26-27)");
        assertThat(f.d.query("select count(*) from master_item where master_id = ?", Long.class, f.eng.id()))
                .isEqualTo(items);
    }

    @Test
    void a_viewer_or_push_admin_cannot_call_any_master_edit() {
        UUID s1 = f.eng.itemId(ItemType.TASK, "S1");
        for (String user : List.of("alpha.viewer", "alpha.push")) {
            TestUsers.signIn(context, user);
            assertThatThrownBy(() -> masters.createMaster(f.catalog, "BIO101", SCIENCE))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> masters.updateInfo(f.eng.id(), SCIENCE)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.TASK, ItemEdit.task("X", "X")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> masters.updateItem(s1, ItemEdit.task("S1", "X")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> masters.removeItem(s1)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> masters.deleteMaster(f.mat.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> copies.copyToExisting(f.eng.id(), List.of(f.mat.id()),
                    EnumSet.of(app.cascade.grading.LockType.CATEGORIES))).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(masterCount()).isEqualTo(2);
        assertThat(changes()).isEmpty();
    }

    private static ItemEdit composite(String task, String term, String lines) {
        return new ItemEdit(null, task + " " + term, task, term, null, 0, null, null,
                app.cascade.catalog.CompositeParts.fromLines(lines).toJson());
    }
}
