package app.cascade.reports.ui;

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
        grid.addColumn(ResidualRow::school).setKey("school").setHeader("School").setAutoWidth(true);
        grid.addComponentColumn(r -> link(CourseLinks.course(r.yearId(), r.schoolId(), r.courseId()),
                        r.courseNumber() + " " + r.courseName()))
                .setKey("course").setHeader("Course").setFlexGrow(2);
        grid.addColumn(r -> r.section() == null ? "Course level" : r.section()).setKey("section")
                .setHeader("Section").setAutoWidth(true);
        grid.addColumn(ResidualRow::teacher).setKey("teacher").setHeader("Teacher").setAutoWidth(true);
        grid.addColumn(ResidualRow::dataType).setKey("dataType").setHeader("Data type").setAutoWidth(true);
        grid.addColumn(ResidualRow::item).setKey("item").setHeader("Item").setFlexGrow(2);
        grid.addColumn(ResidualRow::origin).setKey("origin").setHeader("Origin").setAutoWidth(true);
        grid.addColumn(r -> r.dependents().assignments()).setKey("assignments").setHeader("Assignments")
                .setAutoWidth(true);
        grid.addColumn(r -> r.dependents().scores()).setKey("scores").setHeader("Scores").setAutoWidth(true);
        grid.addColumn(r -> r.dependents().postedGrades()).setKey("postedGrades").setHeader("Posted grades")
                .setAutoWidth(true);
        grid.addColumn(r -> r.dependents().comments()).setKey("comments").setHeader("Comments").setAutoWidth(true);
    }
}
