package app.cascade.push;

import app.cascade.push.engine.ReportRow;
import app.cascade.push.engine.ReportText;
import app.cascade.push.internal.PushReportRows;
import app.cascade.tables.ReportHeader;
import app.cascade.tables.ReportTable;
import app.cascade.tables.ReportWriter;
import app.cascade.tenancy.CurrentTenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static app.cascade.tables.ReportHeader.field;

/**
 * "Get the report": a push request's result rows (push-rules §6) as CSV (UTF-8 with a BOM, so Excel reads it right)
 * and as PDF. The CSV keeps the §6 columns and the reason codes that scripts read; the PDF is for people: the report
 * grid's columns and words (reasons as {@code ReasonCode.label()}, dependents and details as {@link ReportText}
 * writes them) under a header block with the request's settings and the counts per reason and per outcome. Another
 * district's request is not found, like an unknown one.
 */
@Service
public class PushReportExporter {

    /** The CSV's §6 columns, in order; "Reason" is the code (e.g. RESIDUAL_HAS_DEPENDENTS) that scripts read. */
    public static final List<String> COLUMNS = List.of("School", "Course number", "Course name", "Section",
            "Data type", "Item", "Outcome", "Reason", "Assignments", "Scores", "Posted grades", "Comments", "Details");

    /** The PDF's columns: the report grid's, in its words; reasons and outcomes are counted in the header block. */
    static final ReportTable<ReportRow> PDF_TABLE = ReportTable.of(
            ReportTable.column("Course", ReportText::course),
            ReportTable.column("School", ReportRow::school),
            ReportTable.column("Section", ReportRow::section),
            ReportTable.column("Data", ReportRow::dataType),
            ReportTable.column("Item", ReportRow::item),
            ReportTable.counted("Reason", (ReportRow r) -> r.reason() == null ? "" : r.reason().label()),
            ReportTable.counted("What happened", ReportRow::outcome),
            ReportTable.column("Grades / assignments", (ReportRow r) -> ReportText.dependents(r.dependents())),
            ReportTable.column("Details", (ReportRow r) -> ReportText.details(r.message())));

    private static final String EMPTY = "Nothing to report: every course was pushed as it is.";

    private final PushService pushes;
    private final PushRequestService requests;
    private final CurrentTenant currentTenant;
    private final JdbcTemplate jdbc;
    private final PushReportRows reportRows;

    public PushReportExporter(PushService pushes, PushRequestService requests, CurrentTenant currentTenant,
                              JdbcTemplate jdbc, PushReportRows reportRows) {
        this.pushes = pushes;
        this.requests = requests;
        this.currentTenant = currentTenant;
        this.jdbc = jdbc;
        this.reportRows = reportRows;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public byte[] csv(UUID requestId) {
        requests.summary(requestId);
        return csvOf(pushes.reportRows(requestId));
    }

    /**
     * One page of the report's rows, for the API's JSON: at most {@code limit} rows after the first {@code offset}, in
     * the CSV's order. {@link #values} gives a row's CSV cells.
     */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<ReportRow> rows(UUID requestId, long offset, int limit) {
        requests.summary(requestId);
        return reportRows.page(requestId, offset, limit);
    }

    /** Any report rows as CSV, e.g. a preview's (which the caller obtained through a secured service). */
    public byte[] csvOf(List<ReportRow> rows) {
        return ReportWriter.csv(COLUMNS, rows.stream().map(PushReportExporter::values).toList());
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public byte[] pdf(UUID requestId) {
        PushRequestSummary request = requests.summary(requestId);
        List<ReportRow> rows = pushes.reportRows(requestId);
        String title = currentTenant.require().displayName() + " — " + request.kind().reportName() + ": "
                + what(request) + ", "
                + request.schoolYear();
        return ReportWriter.pdf(title, header(request), PDF_TABLE, rows, EMPTY);
    }

    /** Any report rows as a PDF under a title and a sentence, e.g. a preview's summary. */
    public byte[] pdfOf(String title, String subtitle, List<ReportRow> rows) {
        return ReportWriter.pdf(title, subtitle, PDF_TABLE, rows, EMPTY);
    }

    /** e.g. push-report-high-school-catalog-26-27-1a2b3c4d.csv */
    @PreAuthorize("hasRole('VIEWER')")
    public String fileName(UUID requestId, String extension) {
        PushRequestSummary request = requests.summary(requestId);
        String what = (request.catalog() != null ? request.catalog() : "courses") + "-" + request.schoolYear();
        String name = request.kind().reportName().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return name + "-" + what.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-"
                + requestId.toString().substring(0, 8) + "." + extension;
    }

    /** A row as the CSV writes it: the §6 columns, the reason as its code, the details in words. */
    public static List<String> values(ReportRow r) {
        return List.of(text(r.school()), text(r.courseNumber()), text(r.courseName()), text(r.section()),
                text(r.dataType()), text(r.item()), text(r.outcome()), r.reason().name(),
                String.valueOf(r.dependents().assignments()), String.valueOf(r.dependents().scores()),
                String.valueOf(r.dependents().postedGrades()), String.valueOf(r.dependents().comments()),
                ReportText.details(r.message()));
    }

    /** The request's settings and times, as the batch queue words them. */
    private ReportHeader header(PushRequestSummary request) {
        ZoneId zone = currentTenant.require().timeZone();
        Instant[] times = jdbc.queryForObject(
                "select submitted_at, started_at, finished_at from push_request where id = ?",
                (rs, n) -> new Instant[]{instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3))}, request.id());
        List<ReportHeader.Field> fields = new ArrayList<>();
        fields.add(field("Request", tool(request.kind())));
        if (request.catalog() != null) {
            fields.add(field("Catalog", request.catalog()));
        }
        if (request.master() != null) {
            fields.add(field("Course master", request.master()));
        }
        fields.add(field("School year", request.schoolYear()));
        fields.add(field("Status", request.status().label()));
        fields.add(field("Push mode", request.mode().label()));
        fields.add(field("Pushed to sections", request.toSections() ? "Yes" : "No"));
        fields.add(field("Pushed data", request.pushedData()));
        fields.add(field("Submitted by", request.submitter()));
        fields.add(field("Submitted at", time(times[0], zone)));
        fields.add(field("Scheduled for", time(request.scheduledAt(), zone)));
        fields.add(field("Started", times[1] == null ? "Not started" : time(times[1], zone)));
        fields.add(field("Finished", times[2] == null ? "Not finished" : time(times[2], zone)));
        fields.add(field("Courses", request.coursesTotal() == null ? String.valueOf(request.coursesDone())
                : request.coursesDone() + " of " + request.coursesTotal()));
        if (request.message() != null && !request.message().isBlank()) {
            fields.add(field("Message", ReportText.details(request.message())));
        }
        return new ReportHeader(fields);
    }

    /** "High School Catalog", "High School Catalog, ENG101" (one master), or "Push All Courses". */
    private static String what(PushRequestSummary request) {
        if (request.catalog() == null) {
            return tool(request.kind());
        }
        return request.catalog() + (request.master() != null ? ", " + request.master() : "");
    }

    private static String tool(PushKind kind) {
        return switch (kind) {
            case CATALOG -> "Push All Course Masters";
            case MASTER -> "Push to Courses";
            case COURSES -> "Push All Courses";
            case UNDO -> "Undo";
        };
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : ReportHeader.TIME.format(instant.atZone(zone));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
