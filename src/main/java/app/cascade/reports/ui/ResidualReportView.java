package app.cascade.reports.ui;

import app.cascade.push.engine.ReportText;
import app.cascade.reports.ResidualReportService;
import app.cascade.reports.ResidualRow;
import app.cascade.security.Roles;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Residual Data Report: course and section setup that survives only because of grades or assignments. */
@Route("reports/residual")
@PageTitle("Residual Data Report | Cascade")
@Menu(title = "Residual Data Report", order = 51, icon = "ARCHIVE")
@RolesAllowed(Roles.VIEWER)
class ResidualReportView extends ReportLayout<ResidualRow> {

    static final String INTRO = "Grading setup that a push did not delete because it has assignments, scores, posted "
            + "grades or comments. It is shown as \"course managed\": the school manages it from now on.";

    ResidualReportView(ResidualReportService residual, ReportSources sources) {
        super("residual-report", "Residual Data Report", INTRO, sources.filters("residual", false),
                new Source<>(residual::page, residual::count, residual::emptyText, residual::csv, residual::pdf,
                        residual::fileName));
        grid.setId("residual-grid");
        // widths that fit 1440 px beside the menu: long courses and items wrap instead of being cut off
        wrapping(grid.addColumn(ResidualRow::school).setKey("school").setHeader("School"), "7rem", 1);
        wrapping(grid.addComponentColumn(r -> link(CourseLinks.course(r.yearId(), r.schoolId(), r.courseId()),
                r.courseNumber() + " " + r.courseName())).setKey("course").setHeader("Course"), "9rem", 2);
        wrapping(grid.addColumn(r -> r.section() == null ? "Course level" : r.section()).setKey("section")
                .setHeader("Section"), "6rem", 0);
        wrapping(grid.addColumn(ResidualRow::teacher).setKey("teacher").setHeader("Teacher"), "7rem", 1);
        wrapping(grid.addColumn(ResidualRow::dataType).setKey("dataType").setHeader("Data type"), "9.5rem", 0);
        wrapping(grid.addColumn(ResidualRow::item).setKey("item").setHeader("Item"), "8rem", 2);
        wrapping(grid.addColumn(ResidualRow::originLabel).setKey("origin").setHeader("Origin"), "5.5rem", 0);
        // the counts in words, as on the push report ("3 assignments, 26 scores"); the CSV keeps one column each
        wrapping(grid.addColumn(r -> ReportText.dependents(r.dependents())).setKey("dependents")
                .setHeader("Grades / assignments"), "9rem", 1);
    }
}
