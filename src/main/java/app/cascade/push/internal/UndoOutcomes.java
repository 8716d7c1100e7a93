package app.cascade.push.internal;

import app.cascade.push.PushEnded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** What an undo request did so far ({@link PushEnded.Undo}), in one statement. Callers own the transaction. */
@Component
public class UndoOutcomes {

    private final JdbcTemplate jdbc;

    public UndoOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The undo's counts and the push it undid; empty if {@code undoId} is no undo request. */
    public Optional<PushEnded.Undo> of(UUID undoId) {
        return jdbc.query("""
                select u.undo_of, p.scheduled_at,
                       (select count(*) from push_course_result c
                        where c.request_id = u.id and c.outcome = 'PUSHED') as restored,
                       (select count(distinct r.course_id) from push_report_row r
                        where r.request_id = u.id and r.reason = 'CHANGED_SINCE_PUSH') as changed,
                       (select count(distinct r.course_id) from push_report_row r
                        where r.request_id = u.id and r.reason = 'UNDO_KEEPS_GRADES') as kept,
                       (select count(*) from push_course_result c
                        where c.request_id = u.id and c.outcome = 'ERROR') as failed
                from push_request u join push_request p on p.id = u.undo_of
                where u.id = ? and u.kind = 'UNDO'
                """, (rs, n) -> new PushEnded.Undo(rs.getObject("undo_of", UUID.class),
                rs.getTimestamp("scheduled_at").toInstant(), rs.getInt("restored"), rs.getInt("changed"),
                rs.getInt("kept"), rs.getInt("failed")), undoId).stream().findFirst();
    }
}
