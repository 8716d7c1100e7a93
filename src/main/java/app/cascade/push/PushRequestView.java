package app.cascade.push;

import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A push request as stored: its settings, status and progress. */
public record PushRequestView(UUID id, PushKind kind, Long catalogId, Long masterId, long schoolYearId,
                              Long calendarId, PushMode mode, boolean toSections, Set<LockType> types,
                              PushStatus status, String submittedBy, Instant submittedAt, Instant scheduledAt,
                              Instant startedAt, Instant finishedAt, Integer coursesTotal, int coursesDone,
                              String message) {

    public PushCommand command() {
        return new PushCommand(kind, catalogId, masterId, schoolYearId, calendarId, mode, toSections, types);
    }
}
