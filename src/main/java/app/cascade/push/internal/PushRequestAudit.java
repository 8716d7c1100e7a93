package app.cascade.push.internal;

import app.cascade.push.PushRequestAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What platform support did to the current district's push requests ({@code push_request_action}), and the checks and
 * status changes those actions need. Only push bookkeeping: no grading data is read or written here. Callers own the
 * transaction.
 */
@Component
public class PushRequestAudit {

    /** Joins a request {@code r} to the latest support action on it ({@link #lastAction} reads it). */
    static final String LAST_ACTION = """
            left join lateral (select a.action as last_action, a.actor as last_action_actor,
                    a.actor_name as last_action_actor_name, a.at as last_action_at, a.reason as last_action_reason,
                    a.related_request_id as last_action_related
                from push_request_action a where a.request_id = r.id order by a.at desc, a.id desc limit 1) act on true
            """;

    private final JdbcTemplate jdbc;
    private final PushMasterSnapshot snapshots;
    private final JobStates jobs;

    public PushRequestAudit(JdbcTemplate jdbc, PushMasterSnapshot snapshots, JobStates jobs) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.jobs = jobs;
    }

    /** Records an action on the request, stamped with the transaction's time; returns it as stored. */
    public PushRequestAction record(UUID requestId, PushRequestAction.Kind action, String actor, String actorName,
                                    String reason, UUID relatedRequest) {
        Timestamp at = jdbc.queryForObject("""
                insert into push_request_action (request_id, action, actor, actor_name, reason, related_request_id)
                values (?, ?, ?, ?, ?, ?) returning at
                """, Timestamp.class, requestId, action.name(), actor, actorName, reason, relatedRequest);
        return new PushRequestAction(action, actor, actorName, at.toInstant(), reason, relatedRequest);
    }

    /** The request that already runs this failed one again, if support retried it before. */
    public Optional<UUID> retriedAs(UUID requestId) {
        return jdbc.query("select related_request_id from push_request_action where request_id = ?"
                        + " and action = 'RETRIED'", (rs, n) -> rs.getObject(1, UUID.class), requestId)
                .stream().findFirst();
    }

    /** The state of the request's JobRunr job if JobRunr will still run it (or runs it now), else empty. */
    public Optional<String> liveJobState(UUID requestId) {
        // JobRunr's table is on the main server, the district's requests maybe not (issue 19): read one, then the other
        Optional<UUID> job = jdbc.queryForList("select job_id from push_request where id = ? and job_id is not null",
                UUID.class, requestId).stream().findFirst();
        return job.map(id -> jobs.of(List.of(id)).get(id)).filter(JobRunrJobs.LIVE::contains);
    }

    /**
     * Ends a stuck request as CANCELLED with {@code message}, and drops its master snapshot; false if it is no longer
     * scheduled, queued or running.
     */
    public boolean cancelStuck(UUID requestId, String message) {
        boolean cancelled = jdbc.update("""
                update push_request set status = 'CANCELLED', finished_at = now(), message = ?
                where id = ? and status in ('SCHEDULED', 'QUEUED', 'RUNNING')
                """, message, requestId) == 1;
        if (cancelled) {
            snapshots.drop(requestId);
        }
        return cancelled;
    }

    /** The new request that runs a failed one again notifies the same person when it ends. */
    public void copySubmitterEmail(UUID from, UUID to) {
        jdbc.update("update push_request set submitter_email = (select submitter_email from push_request where id = ?)"
                + " where id = ?", from, to);
    }

    /** The columns {@link #LAST_ACTION} adds, as a record; null when support never acted on the request. */
    static PushRequestAction lastAction(ResultSet rs) throws SQLException {
        String action = rs.getString("last_action");
        if (action == null) {
            return null;
        }
        return new PushRequestAction(PushRequestAction.Kind.valueOf(action), rs.getString("last_action_actor"),
                rs.getString("last_action_actor_name"), rs.getTimestamp("last_action_at").toInstant(),
                rs.getString("last_action_reason"), rs.getObject("last_action_related", UUID.class));
    }
}
