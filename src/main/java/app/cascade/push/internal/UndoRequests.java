package app.cascade.push.internal;

import app.cascade.push.DistrictTime;
import app.cascade.push.PushKind;
import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushRequestView;
import app.cascade.push.PushStateException;
import app.cascade.push.PushStatus;
import app.cascade.tenancy.CurrentTenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The undo requests of the current district (issue 18, V17__push_undo.sql): an UNDO request names the push it undoes
 * in {@code push_request.undo_of}; at most one per push, and a failed or cancelled one runs again as itself
 * ({@link #requeue}, decision 0024). Callers own the transaction.
 */
@Component
public class UndoRequests {

    /**
     * Whether push {@code r} kept changes of a course that still exists (a course deleted since keeps its push_change
     * row until the purge, V19, and is not counted).
     */
    private static final String KEPT_CHANGES =
            "exists (select 1 from push_change p join course c on c.id = p.course_id where p.request_id = r.id)";

    /** Whether push {@code r} may be undone: finished, not an undo, not undone, its changes kept and not empty. */
    private static final String UNDOABLE = """
            r.kind <> 'UNDO' and r.changes_purged_at is null
            and (r.status in ('COMPLETED', 'COMPLETED_WITH_WARNINGS')
                 or (r.status = 'FAILED' and exists (select 1 from push_course_result c where c.request_id = r.id)))
            and not exists (select 1 from push_request u where u.undo_of = r.id and u.kind = 'UNDO')
            and %s
            """.formatted(KEPT_CHANGES);

    private final JdbcTemplate jdbc;
    private final PushRequestStore store;
    private final CurrentTenant currentTenant;
    private final Duration retention;

    public UndoRequests(JdbcTemplate jdbc, PushRequestStore store, CurrentTenant currentTenant,
                        @Value("${cascade.push.changes.retention:30d}") Duration retention) {
        this.jdbc = jdbc;
        this.store = store;
        this.currentTenant = currentTenant;
        this.retention = retention;
    }

    /**
     * The push, if it may be undone: finished ({@code COMPLETED}, {@code COMPLETED_WITH_WARNINGS}, or {@code FAILED}
     * after a course committed), not an undo, not undone, what it changed kept. Else a {@link PushStateException}
     * saying why; {@link PushNotFoundException} when there is no such request.
     */
    public PushRequestView requireUndoable(UUID pushId) {
        PushRequestView push = store.find(pushId).orElseThrow(() -> new PushNotFoundException(pushId));
        if (push.kind() == PushKind.UNDO) {
            throw new PushStateException("This request is an undo: an undo cannot itself be undone");
        }
        Facts facts = facts(pushId);
        boolean finished = push.status() == PushStatus.COMPLETED
                || push.status() == PushStatus.COMPLETED_WITH_WARNINGS
                || push.status() == PushStatus.FAILED && facts.committedAny();
        if (!finished) {
            throw new PushStateException(push.status() == PushStatus.FAILED
                    ? "This push failed before any course was committed: there is nothing to undo"
                    : "Only a finished push can be undone; this one is " + push.status());
        }
        if (facts.undoneBy() != null || facts.purgedAt() != null || !facts.keptChanges()) {
            throw refusal(pushId, facts);
        }
        return push;
    }

    /** Why a push that is finished and not an undo may not be undone (undone, purged, or no changes kept). */
    public PushStateException refusal(UUID pushId) {
        return refusal(pushId, facts(pushId));
    }

    private PushStateException refusal(UUID pushId, Facts facts) {
        if (facts.undoneBy() != null && RESTARTABLE.contains(facts.undoStatus())) {
            return new PushStateException("This push's undo, request " + facts.undoneBy() + ", is "
                    + facts.undoStatus() + ": restart that undo (Restart in the Batch Queue List, or POST "
                    + "/api/v1/pushes/" + facts.undoneBy() + "/restart); a push is undone once");
        }
        if (facts.undoneBy() != null) {
            return new PushStateException("This push has been undone already, by undo request " + facts.undoneBy()
                    + " (" + facts.undoStatus() + "); a push is undone once");
        }
        if (facts.purgedAt() != null) {
            return purged(facts.purgedAt());
        }
        return new PushStateException("Push " + pushId + " kept no changes to undo: it changed no course, or it ran "
                + "with cascade.push.changes.enabled off");
    }

    private PushStateException purged(Instant purgedAt) {
        return new PushStateException("What this push changed was kept for " + retention.toDays() + " days "
                + "(cascade.push.changes.retention) and purged on " + DistrictTime.format(purgedAt,
                currentTenant.require().timeZone()) + ": it can no longer be undone");
    }

    /** The statuses of an undo that may run again as itself ({@link #requeue}). */
    private static final Set<String> RESTARTABLE = Set.of(PushStatus.FAILED.name(), PushStatus.CANCELLED.name());

    /**
     * Runs a FAILED or CANCELLED undo again as itself (decision 0024): QUEUED now, its attempts counted afresh, the
     * courses it committed kept with their results, so its job resumes with the courses not yet done, as after a
     * crash. Refused, saying why, for an undo in any other status, and once the undone push's changes are purged.
     * The row is locked first, so two restarts at once queue it once.
     */
    public void requeue(UUID undoId) {
        PushRequestView undo = store.findLocked(undoId).orElseThrow(() -> new PushNotFoundException(undoId));
        if (undo.kind() != PushKind.UNDO) {
            throw new IllegalArgumentException("Request " + undoId + " is not an undo");
        }
        if (!RESTARTABLE.contains(undo.status().name())) {
            throw new PushStateException("Only a cancelled or failed request can be restarted; this one is "
                    + undo.status());
        }
        Facts facts = facts(undoOf(undoId).orElseThrow());
        if (facts.purgedAt() != null) {
            throw purged(facts.purgedAt());
        }
        jdbc.update("""
                update push_request set status = 'QUEUED', scheduled_at = now(), finished_at = null, message = null,
                    attempts = 0
                where id = ?
                """, undoId);
    }

    /** What decides whether a finished push may be undone. */
    private record Facts(boolean committedAny, boolean keptChanges, Instant purgedAt, UUID undoneBy,
                         String undoStatus) {
    }

    private Facts facts(UUID pushId) {
        return jdbc.queryForObject("""
                select exists (select 1 from push_course_result c where c.request_id = r.id) as committed,
                       %s as kept,
                       r.changes_purged_at,
                       u.id as undone_by, u.status as undo_status
                from push_request r left join push_request u on u.undo_of = r.id and u.kind = 'UNDO'
                where r.id = ?
                """.formatted(KEPT_CHANGES), (rs, n) -> {
            Timestamp purged = rs.getTimestamp("changes_purged_at");
            return new Facts(rs.getBoolean("committed"), rs.getBoolean("kept"),
                    purged == null ? null : purged.toInstant(), rs.getObject("undone_by", UUID.class),
                    rs.getString("undo_status"));
        }, pushId);
    }

    /**
     * Stores the undo of {@code push}: kind UNDO, its catalog, master, year, calendar, mode, sections and types, so
     * the queue shows what it undoes. The partial unique index refuses a second undo of the same push.
     */
    public UUID create(PushRequestView push, String submittedBy, String submittedByName, PushStatus status) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into push_request (id, kind, undo_of, catalog_id, master_id, school_year_id, calendar_id, mode,
                    to_sections, data_types, status, submitted_by, submitted_by_name, scheduled_at)
                select ?, 'UNDO', r.id, coalesce(r.catalog_id, m.catalog_id), r.master_id, r.school_year_id,
                       r.calendar_id, r.mode, r.to_sections, r.data_types, ?, ?, ?, now()
                from push_request r left join course_master m on m.id = r.master_id where r.id = ?
                """, id, status.name(), submittedBy, submittedByName, push.id());
        return id;
    }

    /** The push an undo request undoes; empty for a push. */
    public Optional<UUID> undoOf(UUID requestId) {
        return jdbc.query("select undo_of from push_request where id = ? and undo_of is not null",
                (rs, n) -> rs.getObject(1, UUID.class), requestId).stream().findFirst();
    }

    /** The courses push {@code pushId} changed (those an undo of it concerns), in the loader's order. */
    public List<Long> courses(UUID pushId) {
        return jdbc.queryForList("""
                select c.id from push_change p join course c on c.id = p.course_id
                where p.request_id = ? order by c.master_id nulls last, c.id
                """, Long.class, pushId);
    }

    /** Which of the requests may be undone now, in one query (the API's {@code links.undo} of a page). */
    public Set<UUID> undoable(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select r.id from push_request r where r.id = any (?) and "
                + UNDOABLE, UUID.class, SqlArrays.of(jdbc, "uuid", requestIds)));
    }
}
