package app.cascade.reports.api;

import app.cascade.reports.AwaitingPushRow;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A row of the Course Master Awaiting Push report as the API shows it: the report's columns (the CSV's values, in
 * camelCase; the time as an ISO-8601 instant rather than in the district's time zone) and the ids a script follows,
 * e.g. {@code GET /api/v1/masters/{masterId}}.
 */
@Schema(name = "AwaitingPushReportRow", description = "A grading-setup change of a master since its last push: the "
        + "Course Master Awaiting Push report's columns, as in its CSV, and ids")
public record AwaitingPushResource(
        long catalogId,
        long masterId,
        String catalog,
        @Schema(description = "The master's number and name", example = "ENG101 English 9") String master,
        @Schema(description = "The data type's label", example = "Grading Tasks/Standards") String dataType,
        String item,
        @Schema(description = "Added, Modified or Removed", example = "Added") String change,
        String changedBy,
        @Schema(description = "When the latest change of the item was made (ISO-8601; the CSV writes it in the "
                + "district's time zone)") Instant changedAt,
        @Schema(description = "Courses still waiting for the change: linked to the master, not Ignore Master Push (of "
                + "the report's school year, when one is chosen)") int linkedCoursesPending) {

    /** The report row as the API shows it. */
    public static AwaitingPushResource of(AwaitingPushRow r) {
        return new AwaitingPushResource(r.catalogId(), r.masterId(), r.catalog(),
                r.masterNumber() + " " + r.masterName(), r.dataTypeLabel(), r.item(), r.changeLabel(), r.changedBy(),
                r.changedAt(), r.linkedCourses());
    }
}
