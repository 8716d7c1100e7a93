package app.cascade.push.api;

import app.cascade.push.PushStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * A push request's links: where to read it and its report, and how to cancel, restart or undo it when it
 * may be.
 * A link that does not apply is left out of the JSON (never null). Hrefs are paths on this server.
 */
@Schema(name = "PushLinks")
@JsonInclude(JsonInclude.Include.NON_NULL)
record PushLinks(
        @Schema(description = "The request: GET") Link self,
        @Schema(description = "Its report (CSV, PDF or JSON rows by `Accept`): GET; present once the report has a "
                + "row or the request has ended", nullable = true) Link report,
        @Schema(description = "Cancels it: DELETE; present while it is SCHEDULED or QUEUED (needs PUSH_ADMIN)",
                nullable = true) Link cancel,
        @Schema(description = "Runs it again: POST; present when it is CANCELLED or FAILED (needs PUSH_ADMIN). A push "
                + "runs again as a new request; an undo as itself, resuming with the courses it had not restored",
                nullable = true) Link restart,
        @Schema(description = "Undoes it as a new request of kind UNDO: POST; present when it may be undone (finished, "
                + "not an undo, not undone yet, what it changed still kept; needs PUSH_ADMIN)", nullable = true)
        Link undo) {

    static PushLinks of(UUID id, PushStatus status, boolean hasReportRows, boolean undoable) {
        String self = PushController.BASE + "/" + id;
        return new PushLinks(new Link(self, "GET"),
                hasReportRows || status.isFinal() ? new Link(self + "/report", "GET") : null,
                status == PushStatus.SCHEDULED || status == PushStatus.QUEUED ? new Link(self, "DELETE") : null,
                status == PushStatus.CANCELLED || status == PushStatus.FAILED
                        ? new Link(self + "/restart", "POST") : null,
                undoable ? new Link(self + "/undo", "POST") : null);
    }

    /** Where, and with which HTTP method. */
    @Schema(name = "PushLink")
    record Link(@Schema(description = "A path on this server", example = "/api/v1/pushes/"
                        + "0b5f8f5e-4a53-4c1e-9d0e-3f1a2b3c4d5e") String href,
                @Schema(description = "The HTTP method", example = "GET") String method) {
    }
}
