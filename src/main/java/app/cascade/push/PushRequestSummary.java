package app.cascade.push;

import app.cascade.push.engine.DataType;
import app.cascade.push.engine.PushMode;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A row of the batch queue list (push-rules §5).
 *
 * @param lastAction what platform support last did to the request (retried, cancelled), or null
 */
public record PushRequestSummary(UUID id, PushKind kind, Instant scheduledAt, String catalog, String master,
                                 String schoolYear, PushStatus status, int coursesDone, Integer coursesTotal,
                                 PushMode mode, boolean toSections, Set<DataType> types, String submittedBy,
                                 String message, PushRequestAction lastAction) {

    /** "Assessments, Course Info", as the seed's queue shows the pushed data. */
    public String pushedData() {
        return String.join(", ", types.stream().map(DataType::label).sorted().toList());
    }
}
