package app.cascade.reports.ui;

import app.cascade.reports.AuditRow;
import app.cascade.reports.CourseAuditService;
import app.cascade.security.Roles;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Course Audit Report: courses out of sync with their master, one row per discrepancy; rows link to the course. */
@Route("reports/audit")
@PageTitle("Course Audit Report | Cascade")
@Menu(title = "Course Audit Report", order = 53, icon = "CLIPBOARD_CHECK")
@RolesAllowed(Roles.VIEWER)
class CourseAuditView extends ReportLayout<AuditRow> {

    static final String INTRO = "Courses out of sync with their course master: desynced (a push of locked data skips "
            + "them; Overwrite repairs them), or a locked field or item whose value differs from the master until "
            + "the next push. Courses with Ignore Master Push are managed by their school and never pushed.";

    CourseAuditView(CourseAuditService audit, ReportSources sources) {
        super("audit-report", "Course Audit Report", INTRO, sources.filters("audit", true),
                new Source<>(audit::page, audit::count, audit::emptyText, audit::csv, audit::pdf, audit::fileName));
        grid.setId("audit-grid");
        // widths that fit 1440 px beside the menu: long courses, items and discrepancies wrap instead of being cut off
        wrapping(grid.addColumn(AuditRow::school).setKey("school").setHeader("School"), "7rem", 1);
        wrapping(grid.addComponentColumn(r -> link(CourseLinks.course(r.yearId(), r.schoolId(), r.courseId()),
                r.courseNumber() + " " + r.courseName())).setKey("course").setHeader("Course"), "9rem", 2);
        wrapping(grid.addComponentColumn(r -> link(CourseLinks.master(r.catalogId(), r.masterId()), r.master()))
                .setKey("master").setHeader("Master"), "6rem", 0);
        wrapping(grid.addComponentColumn(r -> {
            Span status = new Span(r.status().label());
            status.getElement().getThemeList().add("badge" + switch (r.status()) {
                case DESYNCED -> " error";
                case IGNORE_MASTER_PUSH -> " contrast";
                case LINKED -> "";
            });
            return status;
        }).setKey("status").setHeader("Status"), "7rem", 0);
        wrapping(grid.addColumn(AuditRow::dataType).setKey("dataType").setHeader("Data type"), "9.5rem", 0);
        wrapping(grid.addColumn(AuditRow::item).setKey("item").setHeader("Item"), "7.5rem", 2);
        wrapping(grid.addColumn(AuditRow::masterValue).setKey("masterValue").setHeader("Master value"), "7rem", 2);
        wrapping(grid.addColumn(AuditRow::courseValue).setKey("courseValue").setHeader("Course value"), "7rem", 2);
        wrapping(grid.addColumn(AuditRow::discrepancy).setKey("discrepancy").setHeader("Discrepancy"), "10rem", 3);
    }
}
