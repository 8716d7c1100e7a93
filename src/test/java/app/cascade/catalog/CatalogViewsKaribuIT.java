package app.cascade.catalog;

import app.cascade.CascadeIntegrationTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The three catalog views on the real services and database, as a user of district alpha. */
@CascadeIntegrationTest
class CatalogViewsKaribuIT {

    @Autowired
    ApplicationContext context;

    SmallDistrict alpha;

    @BeforeEach
    void districts() {
        alpha = SmallDistrict.insert(DistrictFixture.in("alpha", context).wipe(), "Alpha");
        SmallDistrict.insert(DistrictFixture.in("beta", context).wipe(), "Beta");
    }

    @AfterEach
    void close() {
        KaribuSession.close();
    }

    @Test
    void an_alpha_user_sees_alphas_catalogs_and_district_name_and_never_betas() {
        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate("catalogs");

        Grid<?> grid = grid("catalogs-grid");
        List<String> names = column(grid, "name");
        assertThat(names).containsExactly("Alpha High School Catalog", "Alpha Middle School Catalog");
        assertThat(names).noneMatch(name -> name.contains("Beta"));
        assertThat(column(grid, "schools")).containsExactly("Alpha High", "Alpha Middle");
        assertThat(_get(Span.class, spec -> spec.withId("header-district")).getText())
                .isEqualTo("Alpha Test District");
        assertThat(get_textRecursively(GridKt._getCellComponent(grid, 0, "gradingLocks")))
                .contains("Grading Tasks/Standards", "Categories", "Assessments");
        assertThat(get_textRecursively(GridKt._getCellComponent(grid, 1, "gradingLocks")))
                .contains("No grading type locked");
        assertThat(get_textRecursively(_get(Paragraph.class, spec -> spec.withId("lock-legend"))))
                .contains("Locked");
    }

    @Test
    void an_empty_district_says_it_has_no_catalogs() {
        DistrictFixture.in("alpha", context).wipe();
        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate("catalogs");

        Grid<?> grid = grid("catalogs-grid");
        assertThat(GridKt._size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).contains("no course catalogs");
    }

    @Test
    void masters_are_listed_lazily_filtered_and_shown_with_six_tabs() {
        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate("masters");

        Grid<?> grid = grid("masters-grid");
        assertThat(column(grid, "number")).containsExactly("ART-101", "ENG-101", "HIST-101", "MATH-101", "SCI-101");

        _get(TextField.class, spec -> spec.withId("master-filter")).setValue("arts");
        assertThat(column(grid, "number")).containsExactly("ART-101", "ENG-101");

        @SuppressWarnings("unchecked")
        Grid<Object> masters = (Grid<Object>) grid;
        masters.select(GridKt._get(masters, 1));
        assertThat(_get(H3.class, spec -> spec.withId("master-title")).getText()).isEqualTo("ENG-101 – English I");
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("master-tabs"));
        assertThat(IntStream.range(0, 6).mapToObj(i -> tabs.getTabAt(i).getLabel()).toList()).containsExactly(
                "Grading Tasks (1)", "Standards (1)", "Categories (2)", "Assessments (1)", "Grade Calc Options (1)",
                "Composite Grades (1)");

        @SuppressWarnings("unchecked")
        ComboBox<Object> catalog = (ComboBox<Object>) _get(ComboBox.class, spec -> spec.withId("catalog-select"));
        catalog.setValue(catalog.getListDataView().getItem(1));
        assertThat(GridKt._size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).contains("No course master in this catalog");
    }

    @Test
    void courses_show_master_link_ignore_flag_link_state_and_section_setup() {
        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate("courses");

        Grid<?> grid = grid("courses-grid");
        assertThat(GridKt._size(grid)).as("no school chosen yet").isZero();
        @SuppressWarnings("unchecked")
        ComboBox<Object> school = (ComboBox<Object>) _get(ComboBox.class, spec -> spec.withId("school-select"));
        school.setValue(school.getListDataView().getItem(0));

        assertThat(column(grid, "number")).containsExactly("ART-101", "CLUB-1", "ENG-101", "MATH-101");
        assertThat(column(grid, "master")).containsExactly("Alpha High School Catalog / ART-101", "No master",
                "Alpha High School Catalog / ENG-101", "Alpha High School Catalog / MATH-101");
        assertThat(grid.getColumnByKey("ignore")).as("the link state says Ignore Master Push").isNull();
        assertThat(IntStream.range(0, 4).mapToObj(i -> get_textRecursively(
                GridKt._getCellComponent(grid, i, "linkState"))).toList())
                .containsExactly("Ignore Master Push", "No master", "Linked", "Desynced");

        @SuppressWarnings("unchecked")
        Grid<Object> courses = (Grid<Object>) grid;
        courses.select(GridKt._get(courses, 2));
        assertThat(_get(H3.class, spec -> spec.withId("course-title")).getText()).isEqualTo("ENG-101 – English I");
        Grid<?> sectionOne = grid("section-" + alphaSectionId("1") + "-items");
        assertThat(column(sectionOne, "key")).contains("Homework", "Reading log");
        int homework = column(sectionOne, "key").indexOf("Homework");
        assertThat(get_textRecursively(GridKt._getCellComponent(sectionOne, homework, "link"))).isEqualTo("Locked");
        assertThat(_find(GridKt._getCellComponent(sectionOne, homework, "link"), Icon.class)).hasSize(1);
        assertThat(column(sectionOne, "origin").get(column(sectionOne, "key").indexOf("Reading log")))
                .isEqualTo("Teacher");

        Grid<?> courseItems = grid("course-items");
        int old = column(courseItems, "key").indexOf("OLD");
        assertThat(GridKt._getFormatted(courseItems, old, "residual")).isEqualTo("course managed");
    }

    @Test
    void a_report_link_opens_the_master_or_course_it_names_and_a_stale_link_selects_nothing() {
        KaribuSession.open(context, "alpha.viewer");
        link("masters", "catalog", alpha.catalogId(), "master", alpha.english().id());
        assertThat(_get(H3.class, spec -> spec.withId("master-title")).getText()).isEqualTo("ENG-101 – English I");
        assertThat(_get(TextField.class, spec -> spec.withId("master-filter")).getValue()).isEqualTo("ENG-101");

        link("courses", "year", alpha.yearId(), "school", alpha.highSchoolId(), "course", alpha.mathCourse().id());
        assertThat(_get(H3.class, spec -> spec.withId("course-title")).getText()).startsWith("MATH-101");
        assertThat(column(grid("courses-grid"), "number")).containsExactly("MATH-101");

        link("masters", "catalog", alpha.catalogId(), "master", 999999999L);
        assertThat(_find(H3.class, spec -> spec.withId("master-title"))).isEmpty();
        UI.getCurrent().navigate("courses", QueryParameters.simple(Map.of("year", "x", "school",
                String.valueOf(alpha.highSchoolId()), "course", "999999999")));
        assertThat(_find(H3.class, spec -> spec.withId("course-title"))).isEmpty();
    }

    @Test
    void a_year_without_calendar_explains_the_empty_list() {
        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate("courses");
        @SuppressWarnings("unchecked")
        ComboBox<Object> school = (ComboBox<Object>) _get(ComboBox.class, spec -> spec.withId("school-select"));
        school.setValue(school.getListDataView().getItem(0));
        @SuppressWarnings("unchecked")
        ComboBox<Object> year = (ComboBox<Object>) _get(ComboBox.class, spec -> spec.withId("year-select"));
        year.setValue(year.getListDataView().getItem(1));

        Grid<?> grid = grid("courses-grid");
        assertThat(GridKt._size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).contains("No course matches");
    }

    /** Navigates as a link {@code route?name=value&…} from a report does. */
    private static void link(String route, Object... namesAndValues) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        UI.getCurrent().navigate(route, QueryParameters.simple(parameters));
    }

    private long alphaSectionId(String number) {
        return DistrictFixture.in("alpha", context).query("select id from section where course_id = ? and number = ?",
                Long.class, alpha.englishCourse().id(), number);
    }

    private static Grid<?> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static List<String> column(Grid<?> grid, String key) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormatted(grid, i, key)).toList();
    }
}
