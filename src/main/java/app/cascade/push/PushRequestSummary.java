package app.cascade.push;

import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A row of the batch queue list (push-rules §5).
 *
 * @param submittedBy     the submitter's username: who is notified when the request ends
 * @param submittedByName the submitter's display name when the request was stored; null for older requests
 *                        ({@link #submitter()} reads the username then)
 * @param lastAction      what platform support last did to the request (retried, cancelled), or null
 * @param startedAt       when its first attempt started running it; null until then
 * @param finishedAt      when it ended (completed, failed or cancelled); null until then
 * @param attempts        how many times a job ran it (JobRunr's retries included); 0 before the first
 * @param ranOn           the node that ran its latest attempt; null before the first
 */
public record PushRequestSummary(UUID id, PushKind kind, Instant scheduledAt, String catalog, String master,
                                 String schoolYear, PushStatus status, int coursesDone, Integer coursesTotal,
                                 PushMode mode, boolean toSections, Set<LockType> types, String submittedBy,
                                 String submittedByName, String message, PushRequestAction lastAction,
                                 Instant startedAt, Instant finishedAt, int attempts, String ranOn) {

    /** What "Pushed Data" reads when every kind of data was chosen. */
    public static final String ALL_DATA = "All data";

    /** "Assessments, Course Info", as the seed's queue shows the pushed data; "All data" when all six were chosen. */
    public String pushedData() {
        if (types.equals(EnumSet.allOf(LockType.class))) {
            return ALL_DATA;
        }
        return String.join(", ", types.stream().map(LockType::label).sorted().toList());
    }

    /** Who submitted the request, as people read it: the display name, or the username of an older request. */
    public String submitter() {
        return submittedByName == null || submittedByName.isBlank() ? submittedBy : submittedByName;
    }
}
