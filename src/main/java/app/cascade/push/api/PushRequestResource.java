package app.cascade.push.api;

import app.cascade.grading.LockType;
import app.cascade.push.PushKind;
import app.cascade.push.PushRequestDetails;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushResults;
import app.cascade.push.PushStatus;
import app.cascade.push.engine.PushMode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A push request as the API shows it: a row of the batch queue list, its times, its results and its links. */
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
                           String lastAction,
                           @Schema(description = "When its first attempt started running it; null until then",
                                   nullable = true, example = "2026-12-01T06:00:02.125Z")
                           Instant startedAt,
                           @Schema(description = "When it ended (completed, failed or cancelled); null until then",
                                   nullable = true, example = "2026-12-01T06:03:41.907Z")
                           Instant finishedAt,
                           @Schema(description = "finishedAt minus startedAt in milliseconds; null until it has "
                                   + "finished (and for a request cancelled before it started)", nullable = true,
                                   example = "219782")
                           Long durationMs,
                           @Schema(description = "How many times a job ran it: 1 for a single run, more after a "
                                   + "node failure or an error JobRunr retried (each retry resumes where the last "
                                   + "attempt stopped); 0 before it runs", example = "1")
                           int attempts,
                           @Schema(description = "The node that ran its latest attempt (`CASCADE_NODE_NAME`); null "
                                   + "before it runs", nullable = true, example = "cascade-1")
                           String ranOn,
                           @Schema(description = "What it did so far: the courses it has committed while it runs, "
                                   + "all of them once it has ended")
                           Results results,
                           @Schema(description = "What the client can do next; a link that does not apply to the "
                                   + "request's status is left out")
                           PushLinks links) {

    static PushRequestResource of(PushRequestDetails details) {
        PushRequestSummary s = details.request();
        Long duration = s.startedAt() == null || s.finishedAt() == null ? null
                : Duration.between(s.startedAt(), s.finishedAt()).toMillis();
        return new PushRequestResource(s.id(), s.status(), s.kind(), s.scheduledAt(), s.catalog(), s.master(),
                s.schoolYear(), s.coursesDone(), s.coursesTotal(), s.mode(), s.toSections(),
                s.types().stream().sorted().toList(), s.pushedData(), s.submittedBy(), s.submitter(), s.message(),
                s.lastAction() == null ? null : s.lastAction().describe(), s.startedAt(), s.finishedAt(), duration,
                s.attempts(), s.ranOn(), Results.of(details.results()), PushLinks.of(s.id(), s.status(),
                        details.hasReportRows(), details.undoable()));
    }

    /** The request's results ({@code push_course_result} and the report, push-rules §4 and §6). */
    @Schema(name = "PushResults")
    record Results(
            @Schema(description = "Courses pushed (outcome PUSHED)") int coursesPushed,
            @Schema(description = "Courses left alone: Ignore Master Push (SKIPPED) or desynced from their master "
                    + "(DESYNCED)") int coursesSkipped,
            @Schema(description = "Courses that failed and were rolled back (ERROR, with the message in the report)")
            int coursesFailed,
            @Schema(description = "Items created in the courses and their sections") long itemsCreated,
            @Schema(description = "Items updated to their master's (or course's) values") long itemsUpdated,
            @Schema(description = "Items deleted") long itemsDeleted,
            @Schema(description = "Items kept as course managed (residual) because they have grades or "
                    + "assignments: the report rows with reason RESIDUAL_HAS_DEPENDENTS. In Overwrite they repeat "
                    + "on every push, in Push locked data only when the item becomes residual (push-rules §4)")
            long itemsKeptCourseManaged) {

        static Results of(PushResults r) {
            return new Results(r.coursesPushed(), r.coursesSkipped(), r.coursesFailed(), r.itemsCreated(),
                    r.itemsUpdated(), r.itemsDeleted(), r.itemsKeptCourseManaged());
        }
    }
}
