package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CalcMethod;
import app.cascade.catalog.CourseRow;
import app.cascade.catalog.GradingItem;
import app.cascade.catalog.KaribuSession;
import app.cascade.catalog.SetupItem;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 on the Course Masters and Courses screens: the calc option dialog offers only the known methods and the
 * year's terms (warning about calendars lacking one, marking a refused field), composites read as parts with
 * percentages, Copy opens the copy and names it, and the lists fill their panels with the link state in view.
 */
@CascadeIntegrationTest
class CatalogScreensKaribuIT extends KaribuWithPushFixture {

    private static final int CALC_OPTIONS_TAB = 4;
    private static final int COMPOSITES_TAB = 5;

    @Test
    void the_calc_option_dialog_offers_the_known_methods_and_the_years_terms_and_names_calendars_lacking_one() {
        f.d.calendar(f.d.school("NSA", "North Shore Academy", f.catalog), f.current, "S1", "S2");
        openMaster("ENG101", CALC_OPTIONS_TAB);
        click("item-add-calc-option");

        assertThat(method().getListDataView().getItems().map(CalcMethod::label))
                .containsExactly("Points", "Category Weighted", "Composite", "No Calculation");
        ComboBox<String> term = term();
        assertThat(term.isAllowCustomValue()).as("no term but the calendars' can be entered").isFalse();
        assertThat(term.getListDataView().getItems()).containsExactly("Q1", "Q2", "Q3", "Q4", "S1", "S2");
        term.setValue("S1");
        assertThat(term.getHelperText()).startsWith("The calendar Lakeside High 26-27 has no term S1");
        term.setValue("Q2");
        assertThat(term.getHelperText()).startsWith("The calendar North Shore Academy 26-27 has no term Q2");

        text("item-task-code").setValue("Q3");
        method().setValue(CalcMethod.CATEGORY_WEIGHTED);
        click("item-save");

        assertThat(_find(Dialog.class, s -> s.withId("item-dialog"))).isEmpty();
        assertThat(f.d.query("select calc_method from master_item where master_id = ? and match_key = 'Q3|Q2'",
                String.class, f.eng.id())).isEqualTo("CATEGORY_WEIGHTED");
        assertThat(column(grid("master-items-calc-option"), "details")).contains("Category Weighted");
    }

    @Test
    void an_older_calc_option_with_an_unknown_method_and_term_is_refused_on_save_with_the_field_marked() {
        f.d.update("update master_item set term_code = 'Q9', calc_method = 'points' where master_id = ?"
                + " and match_key = 'Q3|Q1'", f.eng.id());
        openMaster("ENG101", CALC_OPTIONS_TAB);
        Grid<GradingItem> options = grid("master-items-calc-option");
        int row = IntStream.range(0, GridKt._size(options))
                .filter(i -> "Q3".equals(GridKt._get(options, i).taskCode())).findFirst().orElseThrow();
        _get(GridKt._getCellComponent(options, row, "actions"), Button.class, s -> s.withClasses("item-edit"))
                .click();

        assertThat(method().getValue()).isNull();
        assertThat(method().getHelperText()).contains("Was \"points\", which Cascade does not know");
        click("item-save");
        assertThat(method().isInvalid()).isTrue();
        assertThat(method().getErrorMessage()).isEqualTo("Calculation method is required");

        method().setValue(CalcMethod.POINTS);
        click("item-save");
        assertThat(method().isInvalid()).isFalse();
        assertThat(term().getValue()).isEqualTo("Q9");
        assertThat(term().isInvalid()).isTrue();
        assertThat(term().getErrorMessage()).startsWith("Term Q9 is not a term of any calendar of the school year "
                + "26-27");
        assertThat(_get(Span.class, s -> s.withId("item-error")).getText()).startsWith("Term Q9 is not a term");
        assertThat(f.d.query("select term_code || ' ' || calc_method from master_item where master_id = ?"
                + " and task_code = 'Q3'", String.class, f.eng.id())).isEqualTo("Q9 points");

        term().setValue("Q2");
        click("item-save");
        assertThat(f.d.query("select term_code || ' ' || calc_method from master_item where master_id = ?"
                + " and task_code = 'Q3'", String.class, f.eng.id())).isEqualTo("Q2 POINTS");
    }

    @Test
    void composite_grades_read_as_their_parts_with_percentages_on_masters_and_courses() {
        openMaster("ENG101", COMPOSITES_TAB);
        click("item-add-composite");
        text("item-task-code").setValue("S1");
        term().setValue("Q2");
        _get(TextArea.class, s -> s.withId("item-parts")).setValue("Q3 Q1 40\nS1 Q1 60");
        click("item-save");
        assertThat(column(grid("master-items-composite"), "details")).containsExactly("Q3 Q1 40 % + S1 Q1 60 %");

        f.d.update("insert into course_item (id, course_id, item_type, name, task_code, term_code, parts, origin)"
                + " values (gen_random_uuid(), ?, 'COMPOSITE', 'Semester', 'S1', 'Q4', '[{\"weight\": 40,"
                + " \"taskCode\": \"QTR\", \"termCode\": \"Q1\"}, {\"weight\": 60, \"taskCode\": \"QTR\","
                + " \"termCode\": \"Q2\"}]'::jsonb, 'COURSE')", f.eng1.id());
        openCourse("ENG101");
        Grid<SetupItem> items = grid("course-items");
        assertThat(column(items, "details")).contains("QTR Q1 40 % + QTR Q2 60 %")
                .noneMatch(text -> text.contains("taskCode") || text.contains("["));
    }

    @Test
    void copy_to_a_new_number_opens_the_copy_and_the_message_says_what_it_is_named() {
        openMaster("ENG101", 0);
        click("master-copy");
        text("copy-number").setValue("ENG101");
        click("copy-save");
        assertThat(text("copy-number").isInvalid()).as("the number is marked").isTrue();

        text("copy-number").setValue("ENG102");
        assertThat(text("copy-name").getValue()).isEqualTo("English 9");
        text("copy-name").setValue("English 9 Honors");
        click("copy-save");

        assertThat(_get(H3.class, s -> s.withId("master-title")).getText()).isEqualTo("ENG102 – English 9 Honors");
        Grid<Object> masters = grid("masters-grid");
        assertThat(masters.getSelectedItems()).singleElement().extracting(r -> ((app.cascade.catalog.MasterRow) r)
                .number()).isEqualTo("ENG102");
        assertThat(toasts()).anySatisfy(t -> assertThat(t).isEqualTo("Copied ENG101 to the new course master "
                + "ENG102 \"English 9 Honors\" in High School Catalog, now shown."));

        masters.select(GridKt._get(masters, 0));
        click("master-copy");
        text("copy-number").setValue("ENG103");
        click("copy-save");
        assertThat(_get(H3.class, s -> s.withId("master-title")).getText()).isEqualTo("ENG103 – English 9");
        assertThat(toasts()).anySatisfy(t -> assertThat(t).endsWith("It has the same name as ENG101: Edit "
                + "attributes renames it."));
    }

    @Test
    void the_lists_fill_their_panels_and_the_courses_list_shows_the_link_state_before_the_master() {
        openMaster("ENG101", 0);
        assertThat(grid("masters-grid").getHeight()).isEqualTo("100%");
        assertThat(_get(SplitLayout.class).getClassNames()).contains("cascade-split");

        openCourse("ENG101");
        Grid<CourseRow> courses = grid("courses-grid");
        assertThat(courses.getHeight()).isEqualTo("100%");
        assertThat(courses.getColumns()).extracting(Grid.Column::getKey)
                .containsExactly("number", "name", "linkState", "master");
    }

    private void openMaster(String number, int tab) {
        KaribuSession.open(context, "alpha.admin");
        UI.getCurrent().navigate("masters");
        Grid<Object> masters = grid("masters-grid");
        int row = IntStream.range(0, GridKt._size(masters))
                .filter(i -> GridKt._getFormatted(masters, i, "number").equals(number)).findFirst().orElseThrow();
        masters.select(GridKt._get(masters, row));
        _get(TabSheet.class, s -> s.withId("master-tabs")).setSelectedIndex(tab);
    }

    private void openCourse(String number) {
        KaribuSession.close();
        KaribuSession.open(context, "alpha.admin");
        UI.getCurrent().navigate("courses");
        Grid<Object> courses = grid("courses-grid");
        int row = IntStream.range(0, GridKt._size(courses))
                .filter(i -> GridKt._getFormatted(courses, i, "number").equals(number)).findFirst().orElseThrow();
        courses.select(GridKt._get(courses, row));
    }

    private static List<String> toasts() {
        MockVaadin.clientRoundtrip(false);
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Select<CalcMethod> method() {
        return _get(Select.class, s -> s.withId("item-calc-method"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> term() {
        return _get(ComboBox.class, s -> s.withId("item-term-code"));
    }

    private static TextField text(String id) {
        return _get(TextField.class, s -> s.withId(id));
    }

    private static void click(String id) {
        _get(Button.class, s -> s.withId(id)).click();
    }

    private static List<String> column(Grid<?> grid, String key) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormatted(grid, i, key)).toList();
    }
}
