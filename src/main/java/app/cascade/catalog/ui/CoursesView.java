package app.cascade.catalog.ui;

import app.cascade.catalog.CourseRow;
import app.cascade.catalog.CourseService;
import app.cascade.catalog.CourseSetupService;
import app.cascade.catalog.SchoolRef;
import app.cascade.catalog.SchoolYearRef;
import app.cascade.security.CurrentUserService;
import app.cascade.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Optional;

/**
 * The courses of one school's calendar for one year, with master link and link state, and one course's setup, which
 * a district admin edits (a viewer only reads it).
 */
@Route("courses")
@PageTitle("Courses | Cascade")
@Menu(title = "Courses", order = 30, icon = "ACADEMY_CAP")
@RolesAllowed(Roles.VIEWER)
class CoursesView extends VerticalLayout implements BeforeEnterObserver {

    static final String CHOOSE = "Choose a school year and a school to list the courses of that calendar.";
    static final String NO_COURSES = "No course matches in this school's calendar for this year (or the school has "
            + "no calendar that year).";

    private final transient CourseService courses;
    private final ComboBox<SchoolYearRef> year = new ComboBox<>("School year");
    private final ComboBox<SchoolRef> school = new ComboBox<>("School");
    private final TextField filter = new TextField("Filter");
    private final Grid<CourseRow> grid = new Grid<>();
    private final CourseDetailsPanel details;
    private List<SchoolYearRef> years = List.of();
    private List<SchoolRef> schools = List.of();

    CoursesView(CourseService courses, CourseSetupService setup, CurrentUserService users) {
        this.courses = courses;
        boolean admin = users.current().map(u -> u.hasRole(Roles.DISTRICT_ADMIN)).orElse(false);
        details = new CourseDetailsPanel(courses, setup, admin, id -> grid.getDataProvider().refreshAll());
        addClassName("cascade-view");
        setSizeFull();

        years = courses.schoolYears();
        year.setId("year-select");
        year.setItems(years);
        year.setItemLabelGenerator(y -> y.code() + (y.current() ? " (current)" : ""));
        year.setPlaceholder(years.isEmpty() ? "No school years in this district" : "Choose a year");
        schools = courses.schools();
        school.setId("school-select");
        school.setItems(schools);
        school.setItemLabelGenerator(SchoolRef::label);
        school.setPlaceholder(schools.isEmpty() ? "No schools in this district" : "Choose a school");
        school.setWidth("18em");
        filter.setId("course-filter");
        filter.setPlaceholder("Number, name, department, master");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        HorizontalLayout toolbar = new HorizontalLayout(year, school, filter);
        toolbar.addClassName("cascade-toolbar");
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("courses-grid");
        grid.setHeightFull();
        grid.addColumn(CourseRow::number).setKey("number").setHeader("Number").setAutoWidth(true);
        grid.addColumn(CourseRow::name).setKey("name").setHeader("Name").setFlexGrow(2);
        // the link state says "Ignore Master Push" when the flag is set: no column of its own, so the state fits
        grid.addComponentColumn(r -> {
            Span state = new Span(r.linkState().label());
            state.addClassName("cascade-course-" + r.linkState().name().toLowerCase());
            return state;
        }).setKey("linkState").setHeader("Link state").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.master() == null ? "No master" : r.master().label()).setKey("master")
                .setHeader("Master (catalog / number)").setFlexGrow(2);
        grid.setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            return selection().map(s -> courses.page(s[0], s[1], filter.getValue(), offset, limit))
                    .orElse(List.of()).stream();
        }, query -> selection().map(s -> courses.count(s[0], s[1], filter.getValue())).orElse(0));
        grid.setEmptyStateText(CHOOSE);
        grid.asSingleSelect().addValueChangeListener(e -> details.show(
                Optional.ofNullable(e.getValue()).flatMap(row -> courses.course(row.id()))));

        year.addValueChangeListener(e -> refresh());
        school.addValueChangeListener(e -> refresh());
        filter.addValueChangeListener(e -> refresh());
        years.stream().filter(SchoolYearRef::current).findFirst()
                .or(() -> years.stream().findFirst()).ifPresent(year::setValue);
        if (schools.size() == 1) {
            school.setValue(schools.getFirst());
        }

        SplitLayout split = new SplitLayout(grid, details);
        split.setSizeFull();
        split.setSplitterPosition(45);
        split.addClassName("cascade-split");
        addClassName("cascade-list-details");
        details.addClassName("cascade-details");
        add(new H2("Courses"), toolbar, split, LockBadges.legend());
        setFlexGrow(1, split);
    }

    /**
     * A link {@code courses?year=<id>&school=<id>&course=<id>} (from the Course Audit) opens that calendar with the
     * course selected. A course that no longer exists there selects nothing and says so.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LinkParameters link = new LinkParameters(event);
        link.id("year").flatMap(id -> years.stream().filter(y -> y.id() == id).findFirst()).ifPresent(year::setValue);
        link.id("school").flatMap(id -> schools.stream().filter(s -> s.id() == id).findFirst())
                .ifPresent(school::setValue);
        link.id("course").ifPresent(courseId -> {
            Optional<CourseRow> row = courses.course(courseId).flatMap(c -> {
                filter.setValue(c.number());
                return selection().flatMap(s -> courses.page(s[0], s[1], c.number(), 0, 50).stream()
                        .filter(r -> r.id() == courseId).findFirst());
            });
            row.ifPresentOrElse(grid.asSingleSelect()::setValue, () -> Notification.show(
                    "That course no longer exists in this school's calendar.", 5000, Notification.Position.MIDDLE));
        });
    }

    /** The chosen (year id, school id), when both are chosen. */
    private Optional<long[]> selection() {
        if (year.isEmpty() || school.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new long[]{year.getValue().id(), school.getValue().id()});
    }

    private void refresh() {
        grid.setEmptyStateText(selection().isEmpty() ? CHOOSE : NO_COURSES);
        grid.asSingleSelect().clear();
        grid.getDataProvider().refreshAll();
    }
}
