package app.cascade.reports.api;

import app.cascade.reports.AuditRow;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A row of the Course Audit Report as the API shows it: the report's columns (the CSV's values, in camelCase) and the
 * ids a script follows, e.g. {@code GET /api/v1/courses/{courseId}} and {@code GET /api/v1/masters/{masterId}}.
 */
@Schema(name = "CourseAuditReportRow", description = "A discrepancy between a linked course and its master: the "
        + "Course Audit Report's columns, as in its CSV, and ids")
public record CourseAuditResource(
        long courseId,
        long masterId,
        long catalogId,
        long schoolId,
        long schoolYearId,
        String school,
        @Schema(description = "The course's number and name", example = "ENG101-B English 9 (B)") String course,
        @Schema(description = "The master's number", example = "ENG101") String master,
        @Schema(description = "Linked, Ignore master push or Desynced", example = "Desynced") String status,
        @Schema(description = "The data type's label; \"Course Info\" for a Course Info field",
                example = "Course Info") String dataType,
        String item,
        @Schema(description = "The master's value; null when the master no longer has the item") String masterValue,
        @Schema(description = "The course's value; null when the course lacks the item") String courseValue,
        @Schema(description = "What differs, in words") String discrepancy) {

    /** The report row as the API shows it. */
    public static CourseAuditResource of(AuditRow r) {
        return new CourseAuditResource(r.courseId(), r.masterId(), r.catalogId(), r.schoolId(), r.yearId(),
                r.school(), r.courseNumber() + " " + r.courseName(), r.master(), r.status().label(), r.dataType(),
                r.item(), r.masterValue(), r.courseValue(), r.discrepancy());
    }
}
