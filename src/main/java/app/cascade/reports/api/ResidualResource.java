package app.cascade.reports.api;

import app.cascade.reports.ResidualRow;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * A row of the Residual Data Report as the API shows it: the report's columns (the CSV's values, in camelCase) and
 * the ids a script follows, e.g. {@code GET /api/v1/courses/{courseId}}.
 */
@Schema(name = "ResidualReportRow", description = "A residual (course managed) item: the Residual Data Report's "
        + "columns, as in its CSV, and ids")
public record ResidualResource(
        @Schema(description = "The residual course or section item") UUID itemId,
        long courseId,
        long schoolId,
        long schoolYearId,
        String school,
        String courseNumber,
        String courseName,
        @Schema(description = "The section number; null for a course-level item") String section,
        @Schema(description = "The section's teacher; null for a course-level item") String teacher,
        @Schema(description = "The data type's label, e.g. \"Categories\"", example = "Categories") String dataType,
        @Schema(description = "The item's label, as on the push report", example = "Q3 Quarter 3") String item,
        @Schema(description = "Where the item was created: Master, Course or Teacher", example = "Teacher")
        String origin,
        int assignments,
        int scores,
        int postedGrades,
        int comments) {

    /** The report row as the API shows it. */
    public static ResidualResource of(ResidualRow r) {
        return new ResidualResource(r.itemId(), r.courseId(), r.schoolId(), r.yearId(), r.school(), r.courseNumber(),
                r.courseName(), r.section(), r.teacher(), r.dataType(), r.item(), r.originLabel(),
                r.dependents().assignments(), r.dependents().scores(), r.dependents().postedGrades(),
                r.dependents().comments());
    }
}
