package app.cascade.push.ui;

import app.cascade.push.CoursePreview;
import app.cascade.push.PushPreview;
import app.cascade.push.engine.CourseOutcome;
import app.cascade.push.engine.PlanCounts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

import java.util.function.ToIntFunction;

/** The dry run: per course what a push would create, update, relink, delete or keep, and its report rows. */
class PreviewDialog extends Dialog {

    static final String EMPTY = "No course would be touched: no course of this year is linked to a master of the "
            + "catalog.";

    PreviewDialog(String title, PushPreview preview, app.cascade.push.PushReportExporter exporter) {
        this(title, preview, exporter, EMPTY);
    }

    /** @param emptyText what an empty course list means for this tool */
    PreviewDialog(String title, PushPreview preview, app.cascade.push.PushReportExporter exporter,
                  String emptyText) {
        setId("preview-dialog");
        setHeaderTitle("Preview: " + title);
        setWidth("min(90vw, 70em)");
        setHeight("80vh");
        setResizable(true);
        PlanCounts t = preview.totals();
        Paragraph summary = new Paragraph("Nothing has been changed. Would create %d, update %d, relink %d, delete %d, "
                .formatted(t.created(), t.updated(), t.relinked(), t.deleted())
                + "newly keep %d as course managed, rename %d categories, set %d Course Info fields, over %d courses."
                .formatted(t.residual(), t.renamed(), t.courseInfoFields(), preview.courses().size())
                + " The report also lists items that were already course managed and are kept again.");
        summary.setId("preview-summary");

        Grid<CoursePreview> courses = new Grid<>();
        courses.setId("preview-courses");
        courses.addThemeVariants(GridVariant.LUMO_COMPACT);
        courses.addColumn(c -> c.courseNumber() + " " + c.courseName()).setKey("course").setHeader("Course")
                .setFlexGrow(2);
        courses.addColumn(CoursePreview::school).setKey("school").setHeader("School");
        courses.addColumn(c -> outcome(c.outcome())).setKey("outcome").setHeader("Outcome");
        count(courses, "created", "Created", PlanCounts::created);
        count(courses, "updated", "Updated", PlanCounts::updated);
        count(courses, "relinked", "Relinked", PlanCounts::relinked);
        count(courses, "deleted", "Deleted", PlanCounts::deleted);
        count(courses, "residual", "Newly course managed", PlanCounts::residual);
        count(courses, "info", "Course Info fields", PlanCounts::courseInfoFields);
        courses.setEmptyStateText(emptyText);
        courses.setItems(preview.courses());
        courses.setHeight("16em");

        add(summary, courses, new H4("Report"), new ReportRowsGrid("preview-report", preview.rows()));
        String pdfTitle = "Preview (nothing changed): " + title;
        getFooter().add(ReportDialog.download("preview-csv", "Download CSV", "push-preview.csv", "text/csv",
                        () -> exporter.csvOf(preview.rows())),
                ReportDialog.download("preview-pdf", "Download PDF", "push-preview.pdf", "application/pdf",
                        () -> exporter.pdfOf(pdfTitle, summary.getText(), preview.rows())),
                new Button("Close", e -> close()));
    }

    private static void count(Grid<CoursePreview> grid, String key, String header, ToIntFunction<PlanCounts> value) {
        grid.addColumn(c -> value.applyAsInt(c.counts())).setKey(key).setHeader(header).setAutoWidth(true)
                .setFlexGrow(0);
    }

    private static String outcome(CourseOutcome outcome) {
        return switch (outcome) {
            case PUSHED -> "Pushed";
            case SKIPPED -> "Skipped (Ignore Master Push)";
            case DESYNCED -> "Fails: desynced";
        };
    }
}
