package app.cascade.reports;

import app.cascade.push.PushRequestService;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushService;
import app.cascade.push.engine.ReportRow;
import app.cascade.tenancy.CurrentTenant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * "Get the report": a push request's result rows (push-rules §6 columns and reason codes) as CSV (UTF-8 with a BOM,
 * so Excel reads it right) and as PDF (a table whose header repeats on every page). Another district's request is
 * not found, like an unknown one.
 */
@Service
public class PushReportExporter {

    /** The §6 columns, in order. */
    public static final List<String> COLUMNS = List.of("School", "Course number", "Course name", "Section",
            "Data type", "Item", "Outcome", "Reason", "Assignments", "Scores", "Posted grades", "Comments", "Details");

    private static final float[] WIDTHS = {9, 6, 10, 4, 8, 9, 8, 15, 4, 4, 4, 4, 16};

    private final PushService pushes;
    private final PushRequestService requests;
    private final CurrentTenant currentTenant;

    public PushReportExporter(PushService pushes, PushRequestService requests, CurrentTenant currentTenant) {
        this.pushes = pushes;
        this.requests = requests;
        this.currentTenant = currentTenant;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public byte[] csv(UUID requestId) {
        requests.summary(requestId);
        return csvOf(pushes.reportRows(requestId));
    }

    /** Any report rows as CSV, e.g. a preview's (which the caller obtained through a secured service). */
    public byte[] csvOf(List<ReportRow> rows) {
        return ReportWriter.csv(COLUMNS, rows.stream().map(PushReportExporter::values).toList());
    }

    @PreAuthorize("hasRole('VIEWER')")
    public byte[] pdf(UUID requestId) {
        PushRequestSummary request = requests.summary(requestId);
        List<ReportRow> rows = pushes.reportRows(requestId);
        ZoneId zone = currentTenant.require().timeZone();
        String title = currentTenant.require().displayName() + " — Push report: "
                + (request.catalog() != null ? request.catalog() : "Push All Courses") + ", " + request.schoolYear()
                + ", " + request.mode().label();
        String subtitle = "Scheduled " + DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a")
                .format(request.scheduledAt().atZone(zone)) + " · Status " + request.status() + " · Pushed to sections: "
                + request.toSections() + " · Data: " + request.pushedData() + " · Courses: " + request.coursesDone()
                + " · Rows: " + rows.size();
        return pdfOf(title, subtitle, rows);
    }

    /** Any report rows as a PDF table with a repeating header, under a title line. */
    public byte[] pdfOf(String title, String subtitle, List<ReportRow> rows) {
        return ReportWriter.pdf(title, subtitle, COLUMNS, WIDTHS, rows.stream().map(PushReportExporter::values).toList(),
                "Nothing to report: every course was pushed as it is.");
    }

    /** e.g. push-report-high-school-catalog-26-27-1a2b3c4d.csv */
    @PreAuthorize("hasRole('VIEWER')")
    public String fileName(UUID requestId, String extension) {
        PushRequestSummary request = requests.summary(requestId);
        String what = (request.catalog() != null ? request.catalog() : "courses") + "-" + request.schoolYear();
        return "push-report-" + what.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-"
                + requestId.toString().substring(0, 8) + "." + extension;
    }

    static List<String> values(ReportRow r) {
        return List.of(text(r.school()), text(r.courseNumber()), text(r.courseName()), text(r.section()),
                text(r.dataType()), text(r.item()), text(r.outcome()), r.reason().name(),
                String.valueOf(r.dependents().assignments()), String.valueOf(r.dependents().scores()),
                String.valueOf(r.dependents().postedGrades()), String.valueOf(r.dependents().comments()),
                text(r.message()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
