package app.cascade.push.api;

import app.cascade.push.engine.ReportRow;
import app.cascade.push.engine.ReportText;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A row of a push report as JSON: the CSV's columns (push-rules §6), in its order, named in camelCase. A cell the CSV
 * leaves empty is null here (the course of a request-level row, the section of a course-level one).
 */
@Schema(name = "PushReportRow")
record PushReportRowResource(
        @Schema(nullable = true, example = "Lakeside High") String school,
        @Schema(nullable = true, example = "ENG101") String courseNumber,
        @Schema(nullable = true, example = "English 9") String courseName,
        @Schema(description = "The section number; null at course level", nullable = true, example = "2")
        String section,
        @Schema(nullable = true, example = "Grading Tasks/Standards") String dataType,
        @Schema(nullable = true, example = "S1 Semester 1") String item,
        @Schema(description = "What happened, in the users' words", example = "Kept as course managed")
        String outcome,
        @Schema(description = "The reason code, as the CSV's Reason column: NOT_LOCKED, SKIPPED_IGNORE_MASTER_PUSH, "
                + "DESYNCED, RESIDUAL_HAS_DEPENDENTS, RELINKED, RENAMED_CATEGORY, TERM_NOT_IN_CALENDAR or ERROR",
                example = "RESIDUAL_HAS_DEPENDENTS") String reason,
        @Schema(description = "Dependents: assignments") int assignments,
        @Schema(description = "Dependents: scores") int scores,
        @Schema(description = "Dependents: posted grades") int postedGrades,
        @Schema(description = "Dependents: comments") int comments,
        @Schema(description = "Details in words: the desync condition, the new name, the error", nullable = true)
        String details) {

    static PushReportRowResource of(ReportRow r) {
        return new PushReportRowResource(r.school(), r.courseNumber(), r.courseName(), r.section(), r.dataType(),
                r.item(), r.outcome(), r.reason().name(), r.dependents().assignments(), r.dependents().scores(),
                r.dependents().postedGrades(), r.dependents().comments(),
                r.message() == null ? null : ReportText.details(r.message()));
    }
}
