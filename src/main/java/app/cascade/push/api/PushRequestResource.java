package app.cascade.push.api;

import app.cascade.grading.LockType;
import app.cascade.push.PushKind;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushStatus;
import app.cascade.push.engine.PushMode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A push request as the API shows it: a row of the batch queue list, with its types as enum names. */
@Schema(name = "PushRequest")
record PushRequestResource(UUID id, PushStatus status, PushKind kind, Instant scheduledAt, String catalog,
                           String master, String schoolYear, int coursesDone, Integer coursesTotal, PushMode mode,
                           boolean toSections, List<LockType> types,
                           @Schema(description = "The types' labels, as the queue list shows them") String pushedData,
                           @Schema(description = "The submitter's username") String submittedBy,
                           @Schema(description = "The submitter's display name (the username for older requests)")
                           String submittedByName, String message,
                           @Schema(description = "What platform support last did to the request, who, when and why,"
                                   + " e.g. \"Retried by support (Sam Support) on 2026-12-05 10:14 UTC: disk full\"")
                           String lastAction) {

    static PushRequestResource of(PushRequestSummary s) {
        return new PushRequestResource(s.id(), s.status(), s.kind(), s.scheduledAt(), s.catalog(), s.master(),
                s.schoolYear(), s.coursesDone(), s.coursesTotal(), s.mode(), s.toSections(),
                s.types().stream().sorted().toList(), s.pushedData(), s.submittedBy(), s.submitter(), s.message(),
                s.lastAction() == null ? null : s.lastAction().describe());
    }
}
