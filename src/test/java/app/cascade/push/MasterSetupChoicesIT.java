package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CompositeParts;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.SetupEditException;
import app.cascade.catalog.TermChoices;
import app.cascade.grading.ItemType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, "the master editor saves invalid setup": the service refuses a calculation method Cascade does not know
 * and a term that no calendar of the school year has, naming the field, and offers the terms with the calendars that
 * lack each; a copy to a new number may be named; a refusal counts its dependents in plain English.
 */
@CascadeIntegrationTest
class MasterSetupChoicesIT extends EditingAsAlphaAdmin {

    private long changeCount() {
        return f.d.query("select count(*) from master_change", Long.class);
    }

    private String masterItems() {
        return f.d.query("select string_agg(item_type || ' ' || match_key || ' ' || coalesce(calc_method, ''), ', '"
                + " order by item_type, match_key) from master_item where master_id = ?", String.class, f.eng.id());
    }

    /** North Shore Academy uses the High School Catalog with semesters only; Lakeside Middle has trimesters. */
    private void moreSchools() {
        f.d.calendar(f.d.school("NSA", "North Shore Academy", f.catalog), f.current, "S1", "S2");
        f.d.calendar(f.d.school("LMS", "Lakeside Middle", null), f.current, "T1", "T2");
    }

    @Test
    void terms_come_from_the_calendars_of_the_year_and_each_names_the_calendars_of_the_masters_schools_lacking_it() {
        moreSchools();

        TermChoices terms = masters.termChoices(f.eng.id());

        assertThat(terms.years()).as("25-26 has ended").containsExactly("26-27");
        assertThat(terms.codes()).containsExactly("Q1", "Q2", "Q3", "Q4", "T1", "T2", "S1", "S2");
        assertThat(terms.missingFrom()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Q1", List.of("North Shore Academy 26-27"), "Q2", List.of("North Shore Academy 26-27"),
                "Q3", List.of("North Shore Academy 26-27"), "Q4", List.of("North Shore Academy 26-27"),
                "T1", List.of("Lakeside High 26-27", "North Shore Academy 26-27"),
                "T2", List.of("Lakeside High 26-27", "North Shore Academy 26-27"),
                "S1", List.of("Lakeside High 26-27"), "S2", List.of("Lakeside High 26-27")));
        assertThat(terms.warning("Q1")).hasValue("The calendar North Shore Academy 26-27 has no term Q1: a push "
                + "reports this item as \"Term not in the calendar\" for their courses.");
        assertThat(terms.warning("T1")).hasValueSatisfying(w -> assertThat(w)
                .startsWith("The calendars Lakeside High 26-27 and North Shore Academy 26-27 have no term T1"));
    }

    @Test
    void a_calc_option_with_an_unknown_method_or_a_term_no_calendar_has_is_refused_naming_the_field() {
        String before = masterItems();

        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.CALC_OPTION,
                ItemEdit.calcOption("Q3", "Q2", "points")))
                .isInstanceOfSatisfying(SetupEditException.class, e -> assertThat(e.field()).isEqualTo("calcMethod"))
                .hasMessage("Calculation method must be Points, Category Weighted, Composite or No Calculation, "
                        + "was \"points\"");
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.CALC_OPTION,
                ItemEdit.calcOption("Q3", "Q9", "POINTS")))
                .isInstanceOfSatisfying(SetupEditException.class, e -> assertThat(e.field()).isEqualTo("termCode"))
                .hasMessage("Term Q9 is not a term of any calendar of the school year 26-27: choose one of Q1, Q2, "
                        + "Q3, Q4");
        UUID q3q1 = f.eng.itemId(ItemType.CALC_OPTION, "Q3|Q1");
        assertThatThrownBy(() -> masters.updateItem(q3q1, ItemEdit.calcOption("Q3", "Q9", "POINTS")))
                .isInstanceOfSatisfying(SetupEditException.class, e -> assertThat(e.field()).isEqualTo("termCode"));
        ItemEdit badPart = new ItemEdit(null, "Semester", "S1", "Q2", null, 0, null, null,
                new CompositeParts(List.of(new CompositeParts.Part("Q3", "Q1", new java.math.BigDecimal("50")),
                        new CompositeParts.Part("Q3", "Q9", new java.math.BigDecimal("50")))).toJson());
        assertThatThrownBy(() -> masters.addItem(f.eng.id(), ItemType.COMPOSITE, badPart))
                .isInstanceOfSatisfying(SetupEditException.class, e -> assertThat(e.field()).isEqualTo("parts[1]"))
                .hasMessageContaining("Term Q9 is not a term");

        assertThat(masterItems()).as("nothing saved").isEqualTo(before);
        assertThat(changeCount()).as("nothing recorded").isZero();

        masters.addItem(f.eng.id(), ItemType.CALC_OPTION, ItemEdit.calcOption("Q3", "Q2", "CATEGORY_WEIGHTED"));
        assertThat(f.d.query("select calc_method from master_item where master_id = ? and match_key = 'Q3|Q2'",
                String.class, f.eng.id())).isEqualTo("CATEGORY_WEIGHTED");
    }

    @Test
    void the_import_rules_and_course_edits_share_the_method_rule() {
        assertThatThrownBy(() -> ItemEdit.calcOption("S1", "Q1", "WEIGHTED").validateSetupFor(ItemType.CALC_OPTION))
                .isInstanceOfSatisfying(SetupEditException.class, e -> assertThat(e.field()).isEqualTo("calcMethod"));
        long section = f.d.query("select id from section where course_id = ?", Long.class, f.art.id());
        assertThatThrownBy(() -> setup.addSectionItem(section, ItemType.CALC_OPTION,
                ItemEdit.calcOption("S1", "Q1", "AVERAGE"))).isInstanceOf(SetupEditException.class)
                .hasMessageContaining("Calculation method must be");
    }

    @Test
    void a_copy_to_a_new_number_takes_the_name_given_or_else_the_sources() {
        long named = copies.copyToNew(f.eng.id(), f.catalog, "ENG102", "English 9 Honors",
                EnumSet.of(app.cascade.grading.LockType.CATEGORIES)).targetMasterIds().getFirst();
        long same = copies.copyToNew(f.eng.id(), f.catalog, "ENG103", " ",
                EnumSet.of(app.cascade.grading.LockType.CATEGORIES)).targetMasterIds().getFirst();

        assertThat(f.d.query("select name from course_master where id = ?", String.class, named))
                .isEqualTo("English 9 Honors");
        assertThat(f.d.query("select name from course_master where id = ?", String.class, same))
                .isEqualTo("English 9");
        assertThatThrownBy(() -> copies.copyToNew(f.eng.id(), f.catalog, "eng102", "X",
                EnumSet.of(app.cascade.grading.LockType.CATEGORIES)))
                .isInstanceOfSatisfying(SetupEditException.class, e -> assertThat(e.field()).isEqualTo("number"));
    }

    @Test
    void a_refused_delete_counts_one_assignment_in_the_singular() {
        UUID project = setup.addCourseItem(f.art.id(), ItemType.TASK, ItemEdit.task("PRJ", "Project"));
        long section = f.d.query("select id from section where course_id = ?", Long.class, f.art.id());
        f.d.assignment(section, null, project);

        assertThatThrownBy(() -> setup.deleteCourseItem(project)).isInstanceOf(SetupEditException.class)
                .hasMessage("\"PRJ Project\" has 1 assignment and 0 posted grades; realign or delete them before deleting it");
    }
}
