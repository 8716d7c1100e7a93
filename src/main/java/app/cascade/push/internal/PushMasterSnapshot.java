package app.cascade.push.internal;

import app.cascade.push.PushKind;
import app.cascade.push.PushRequestView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The masters a master push works on, copied set-based into {@code push_master_snapshot} and
 * {@code push_master_item_snapshot} when the request first starts (docs/decisions/0006-push-master-snapshot.md).
 * Callers own the transaction; the district is the current one.
 */
@Component
public class PushMasterSnapshot {

    private static final String MASTER_COLUMNS = "id, number, name, state_code, department, credits, gpa_weight,"
            + " description";
    private static final String ITEM_COLUMNS = "id, master_id, item_type, code, name, task_code, term_code, weight,"
            + " seq, calc_method, rounding, parts, created_at";

    private final JdbcTemplate jdbc;

    public PushMasterSnapshot(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the request's masters are read from a snapshot: every master push (a course push and an undo read none). */
    public static boolean applies(PushRequestView request) {
        return request.kind() == PushKind.CATALOG || request.kind() == PushKind.MASTER;
    }

    /**
     * Copies the request's masters unless it already has a copy (a resumed or retried request keeps its first one).
     * Master edits in flight are waited for, and new ones wait the few milliseconds of the copy, so the copy is
     * exactly the masters as of the moment the caller then stamps as the request's start; the Awaiting Push report
     * uses that moment as its cut-off.
     */
    public void takeIfAbsent(PushRequestView request) {
        if (!applies(request) || Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from push_master_snapshot where request_id = ?)", Boolean.class,
                request.id()))) {
            return;
        }
        jdbc.execute("lock table course_master, master_item in share mode");
        String masters = "insert into push_master_snapshot (request_id, " + MASTER_COLUMNS + ") select ?, "
                + prefixed("m.", MASTER_COLUMNS) + " from course_master m where ";
        switch (request.kind()) {
            case CATALOG -> jdbc.update(masters + """
                    m.catalog_id = ? and exists (select 1 from course c join calendar cal on cal.id = c.calendar_id
                                                 where c.master_id = m.id and cal.school_year_id = ?)""",
                    request.id(), request.catalogId(), request.schoolYearId());
            case MASTER -> jdbc.update(masters + "m.id = ?", request.id(), request.masterId());
            case COURSES, UNDO -> throw new IllegalStateException("A course push or an undo reads no master");
        }
        jdbc.update("insert into push_master_item_snapshot (request_id, " + ITEM_COLUMNS + ") select ?, "
                + prefixed("i.", ITEM_COLUMNS) + " from master_item i join push_master_snapshot s"
                + " on s.request_id = ? and s.id = i.master_id", request.id(), request.id());
    }

    /** Deletes the request's copy once it has ended. */
    public void drop(UUID requestId) {
        jdbc.update("delete from push_master_item_snapshot where request_id = ?", requestId);
        jdbc.update("delete from push_master_snapshot where request_id = ?", requestId);
    }

    private static String prefixed(String alias, String columns) {
        return alias + columns.replace(", ", ", " + alias);
    }
}
