package app.cascade.reports.ui;

import app.cascade.catalog.CourseService;
import app.cascade.push.PushRequestService;
import app.cascade.push.ui.PushToCoursesDialog;
import app.cascade.reports.AwaitingPushRow;
import app.cascade.reports.AwaitingPushService;
import app.cascade.security.CurrentUserService;
import app.cascade.security.Roles;
import app.cascade.tenancy.CurrentTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Course Master Awaiting Push: grading-setup changes since each master was last pushed. Rows link to the master; a
 * push admin can Push to Courses from a row.
 */
@Route("reports/awaiting-push")
@PageTitle("Course Master Awaiting Push | Cascade")
@Menu(title = "Course Master Awaiting Push", order = 52, icon = "HOURGLASS_START")
@RolesAllowed(Roles.VIEWER)
class AwaitingPushView extends ReportLayout<AwaitingPushRow> {

    static final String INTRO = "Grading-setup changes (added, modified or removed items) made to course masters "
            + "since they were last pushed, by Push All Course Masters or Push to Courses. Attribute (Course Info) "
            + "changes are not listed.";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a");

    AwaitingPushView(AwaitingPushService awaiting, ReportSources sources, CourseService courses,
                     PushRequestService requests, CurrentUserService users, CurrentTenant tenant) {
        super("awaiting-push-report", "Course Master Awaiting Push", INTRO,
                sources.filters("awaiting", false).withoutSchool(),
                new Source<>(awaiting::page, awaiting::count, awaiting::emptyText, awaiting::csv, awaiting::pdf,
                        awaiting::fileName));
        ZoneId zone = tenant.require().timeZone();
        boolean mayPush = users.current().map(u -> u.hasRole(Roles.PUSH_ADMIN)).orElse(false);
        grid.setId("awaiting-grid");
        // widths that add up to less than the grid at 1440 px beside the menu (no auto widths: they are measured
        // before the rows arrive), so every column and the row's Push to Courses stay in sight; text cells wrap
        wrapping(grid.addColumn(AwaitingPushRow::catalog).setKey("catalog").setHeader("Catalog"), "6.5rem", 1);
        wrapping(grid.addComponentColumn(r -> link(CourseLinks.master(r.catalogId(), r.masterId()),
                r.masterNumber() + " " + r.masterName())).setKey("master").setHeader("Master"), "8rem", 2);
        wrapping(grid.addColumn(AwaitingPushRow::dataTypeLabel).setKey("dataType").setHeader("Data type"), "9.5rem", 0);
        wrapping(grid.addColumn(AwaitingPushRow::item).setKey("item").setHeader("Item"), "6rem", 2);
        wrapping(grid.addColumn(AwaitingPushRow::changeLabel).setKey("change").setHeader("Change"), "6rem", 0);
        wrapping(grid.addColumn(AwaitingPushRow::changedBy).setKey("changedBy").setHeader("Changed by"), "6.5rem", 1);
        wrapping(grid.addColumn(r -> TIME.format(r.changedAt().atZone(zone))).setKey("changedAt")
                .setHeader("Changed at"), "7rem", 0);
        wrapping(grid.addColumn(AwaitingPushRow::linkedCourses).setKey("linkedCourses")
                .setHeader("Linked courses pending"), "7rem", 0);
        if (mayPush) {
            grid.addComponentColumn(r -> {
                Button push = new Button("Push to Courses", VaadinIcon.UPLOAD.create(),
                        e -> new PushToCoursesDialog(r.masterId(), r.masterNumber() + " – " + r.masterName(),
                                courses.schoolYears(), requests, zone).preferYear(filters.selectedYear())
                                .onSubmitted(this::refresh).open());
                push.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                push.addClassName("push-to-courses");
                return push;
            }).setKey("push").setHeader("").setWidth("9.5rem").setFlexGrow(0);
        }
    }
}
