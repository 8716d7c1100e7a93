package app.cascade.push.internal;

import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushKind;
import app.cascade.push.PushListQuery;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushRequestView;
import app.cascade.push.PushStatus;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Push requests in the current district's schema. Callers own the transaction. */
@Component
public class PushRequestStore {

    /** How the note of a held request starts (Batch Reporting off, district switched off, no free slot). */
    public static final String WAITING = "Waiting: ";

    private final JdbcTemplate jdbc;
    private final NodeName node;

    public PushRequestStore(JdbcTemplate jdbc, NodeName node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    public UUID create(PushCommand command, String submittedBy, PushStatus status, Instant scheduledAt) {
        return create(command, submittedBy, null, status, scheduledAt);
    }

    /** @param submittedByName the submitter's display name, shown in the queue; null shows the username */
    public UUID create(PushCommand command, String submittedBy, String submittedByName, PushStatus status,
                       Instant scheduledAt) {
        UUID id = UUID.randomUUID();
        String[] types = command.types().stream().map(Enum::name).toArray(String[]::new);
        jdbc.update("""
                insert into push_request (id, kind, catalog_id, master_id, school_year_id, calendar_id, mode,
                    to_sections, data_types, status, submitted_by, submitted_by_name, scheduled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, id, command.kind().name(), command.catalogId(), command.masterId(), command.schoolYearId(),
                command.calendarId(), command.mode().name(), command.toSections(),
                jdbc.execute((java.sql.Connection c) -> c.createArrayOf("text", types)), status.name(),
                submittedBy, submittedByName, Timestamp.from(scheduledAt));
        return id;
    }

    public Optional<PushRequestView> find(UUID id) {
        return jdbc.query("select * from push_request where id = ?", PushRequestStore::map, id).stream().findFirst();
    }

    /**
     * The request, its row locked until the transaction ends, so that two actions on one request (support's, a
     * restart, or the job changing its status) take turns.
     */
    public Optional<PushRequestView> findLocked(UUID id) {
        return jdbc.query("select * from push_request where id = ? for update", PushRequestStore::map, id).stream()
                .findFirst();
    }

    public void markRunning(UUID id, int coursesTotal) {
        jdbc.update("""
                update push_request set status = 'RUNNING', started_at = coalesce(started_at, clock_timestamp()),
                    courses_total = ?, message = null where id = ?
                """, coursesTotal, id);
    }

    public void addProgress(UUID id, int courses) {
        jdbc.update("update push_request set courses_done = courses_done + ? where id = ?", courses, id);
    }

    /** COMPLETED_WITH_WARNINGS if and only if a row's reason is a warning ({@link ReasonCode#isWarning()}). */
    public PushStatus finish(UUID id) {
        List<String> warningCodes = Arrays.stream(ReasonCode.values()).filter(ReasonCode::isWarning)
                .map(Enum::name).toList();
        boolean warnings = Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from push_report_row where request_id = ? and reason = any (?))
                """, Boolean.class, id, SqlArrays.of(jdbc, "text", warningCodes)));
        PushStatus status = warnings ? PushStatus.COMPLETED_WITH_WARNINGS : PushStatus.COMPLETED;
        jdbc.update("""
                update push_request set status = ?, finished_at = now(),
                    courses_done = (select count(*) from push_course_result where request_id = ?)
                where id = ?
                """, status.name(), id, id);
        return status;
    }

    /**
     * Counts an attempt (JobRunr retries included) and records this node as the one running it; returns its number,
     * 1 for the first.
     */
    public int startAttempt(UUID id) {
        Integer attempt = jdbc.queryForObject("""
                update push_request set attempts = attempts + 1, ran_on = ?,
                    status = case when status in ('SCHEDULED', 'QUEUED') then 'QUEUED' else status end, message = null
                where id = ? returning attempts
                """, Integer.class, node.name(), id);
        return attempt == null ? 1 : attempt;
    }

    /**
     * Holds a request that has not started: it stays QUEUED with a note {@link #WAITING} + {@code why}, and its job
     * ends. Held requests get a job again when what they wait for comes ({@link PushSlots#takeHeld}).
     */
    public void markWaiting(UUID id, String why) {
        jdbc.update("update push_request set status = 'QUEUED', message = ? where id = ? and status in"
                + " ('SCHEDULED', 'QUEUED')", WAITING + why, id);
    }

    public void setJob(UUID id, UUID jobId) {
        jdbc.update("update push_request set job_id = ? where id = ?", jobId, id);
    }

    /** Cancels a request that has not started; false if it is no longer SCHEDULED or QUEUED. */
    public boolean cancel(UUID id) {
        return jdbc.update("update push_request set status = 'CANCELLED', finished_at = now(),"
                + " message = 'Cancelled' where id = ? and status in ('SCHEDULED', 'QUEUED')", id) == 1;
    }

    /** The request's current JobRunr job; empty if the request has none (yet) or does not exist. */
    public Optional<UUID> jobId(UUID id) {
        return jdbc.query("select job_id from push_request where id = ? and job_id is not null",
                (rs, n) -> rs.getObject(1, UUID.class), id).stream().findFirst();
    }

    /** The display name stored with the request; empty when none was (requests stored before it was kept). */
    public Optional<String> submitterName(UUID id) {
        return jdbc.query("select submitted_by_name from push_request where id = ? and submitted_by_name is not null",
                (rs, n) -> rs.getString(1), id).stream().findFirst();
    }

    /** The first day of a school year; empty if there is no such year. */
    public Optional<java.time.LocalDate> yearStart(long schoolYearId) {
        return jdbc.query("select start_date from school_year where id = ?",
                (rs, n) -> rs.getObject(1, java.time.LocalDate.class), schoolYearId).stream().findFirst();
    }

    public void setSubmitterEmail(UUID id, String email) {
        jdbc.update("update push_request set submitter_email = ? where id = ?", email, id);
    }

    /** The e-mail address the submitter signed in with, if known. */
    public Optional<String> submitterEmail(UUID id) {
        return jdbc.query("select submitter_email from push_request where id = ? and submitter_email is not null",
                (rs, n) -> rs.getString(1), id).stream().findFirst();
    }

    /** The request has ended: its master snapshot (PushMasterSnapshot) goes too. */
    public void markFailed(UUID id, String message) {
        jdbc.update("update push_request set status = 'FAILED', finished_at = now(), message = ? where id = ?",
                message, id);
        jdbc.update("delete from push_master_item_snapshot where request_id = ?", id);
        jdbc.update("delete from push_master_snapshot where request_id = ?", id);
    }

    /** Fails a request that has not ended (yet); false if it has ended meanwhile, and then nothing changes. */
    public boolean failUnfinished(UUID id, String message) {
        if (jdbc.update("update push_request set status = 'FAILED', finished_at = now(), message = ? where id = ?"
                + " and status in ('SCHEDULED', 'QUEUED', 'RUNNING')", message, id) == 0) {
            return false;
        }
        jdbc.update("delete from push_master_item_snapshot where request_id = ?", id);
        jdbc.update("delete from push_master_snapshot where request_id = ?", id);
        return true;
    }

    public boolean hasRequestRows(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from push_report_row where request_id = ? and course_id is null)",
                Boolean.class, id));
    }

    /** The courses a request touches, keyed by master so a chunk shares its masters; minus those already done. */
    public List<Long> pendingCourses(PushRequestView request) {
        String done = "and not exists (select 1 from push_course_result r where r.request_id = ? and r.course_id = c.id)";
        return switch (request.kind()) {
            case CATALOG -> jdbc.queryForList("""
                    select c.id from course c join calendar cal on cal.id = c.calendar_id
                    join course_master m on m.id = c.master_id
                    where m.catalog_id = ? and cal.school_year_id = ? %s order by c.master_id, c.id
                    """.formatted(done), Long.class, request.catalogId(), request.schoolYearId(), request.id());
            case MASTER -> jdbc.queryForList("""
                    select c.id from course c join calendar cal on cal.id = c.calendar_id
                    where c.master_id = ? and cal.school_year_id = ? %s order by c.id
                    """.formatted(done), Long.class, request.masterId(), request.schoolYearId(), request.id());
            case COURSES -> jdbc.queryForList("""
                    select c.id from course c join calendar cal on cal.id = c.calendar_id
                    where cal.school_year_id = ? and (?::bigint is null or c.calendar_id = ?) %s
                    order by c.master_id nulls last, c.id
                    """.formatted(done), Long.class, request.schoolYearId(), request.calendarId(),
                    request.calendarId(), request.id());
            // the courses the undone push changed (its push_change rows), in the loader's order
            case UNDO -> jdbc.queryForList("""
                    select c.id from push_change p join course c on c.id = p.course_id
                    where p.request_id = (select undo_of from push_request where id = ?) %s
                    order by c.master_id nulls last, c.id
                    """.formatted(done), Long.class, request.id(), request.id());
        };
    }

    public int doneCourses(UUID id) {
        Integer n = jdbc.queryForObject("select count(*) from push_course_result where request_id = ?",
                Integer.class, id);
        return n == null ? 0 : n;
    }

    private static final String SUMMARY = """
            select r.*, cat.name as catalog_name, m.number as master_number, y.code as year_code, act.*
            from push_request r join school_year y on y.id = r.school_year_id
            left join course_catalog cat on cat.id = coalesce(r.catalog_id,
                (select catalog_id from course_master where id = r.master_id))
            left join course_master m on m.id = r.master_id
            """ + PushRequestAudit.LAST_ACTION;

    public Optional<PushRequestSummary> summary(UUID id) {
        return jdbc.query(SUMMARY + " where r.id = ?", PushRequestStore::summary, id).stream().findFirst();
    }

    /** The batch queue list: scheduled in [from, to), newest first, at most {@code limit}; paged in the database. */
    public List<PushRequestSummary> queue(Instant from, Instant to, int limit) {
        return jdbc.query(SUMMARY + " where r.scheduled_at >= ? and r.scheduled_at < ?"
                        + " order by r.scheduled_at desc, r.submitted_at desc limit ?", PushRequestStore::summary,
                Timestamp.from(from), Timestamp.from(to), limit);
    }

    /**
     * The API's list: the district's requests that match the query, newest scheduled first and then by id, after the
     * query's position, at most its limit. Read backwards, {@code push_request_list_idx} gives this order from any
     * position, so a page reads only its rows and the filters' misses (V15).
     */
    public List<PushRequestSummary> list(PushListQuery query) {
        Statement list = listStatement(query);
        return jdbc.query(list.sql(), PushRequestStore::summary, list.args());
    }

    /** A statement and its arguments. */
    record Statement(String sql, Object[] args) {
    }

    /** The statement of {@link #list}, for the test that reads its plan. */
    Statement listStatement(PushListQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            where.append(" and r.status = any (?)");
            args.add(SqlArrays.of(jdbc, "text", query.statuses().stream().map(Enum::name).toList()));
        }
        if (!query.kinds().isEmpty()) {
            where.append(" and r.kind = any (?)");
            args.add(SqlArrays.of(jdbc, "text", query.kinds().stream().map(Enum::name).toList()));
        }
        if (query.catalogId() != null) {
            where.append(" and coalesce(r.catalog_id, m.catalog_id) = ?");
            args.add(query.catalogId());
        }
        if (query.from() != null) {
            where.append(" and r.scheduled_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and r.scheduled_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        if (query.after() != null) {
            where.append(" and (r.scheduled_at, r.id) < (?, ?)");
            args.add(Timestamp.from(query.after().scheduledAt()));
            args.add(query.after().id());
        }
        args.add(query.limit());
        return new Statement(SUMMARY + where + " order by r.scheduled_at desc, r.id desc limit ?", args.toArray());
    }

    private static PushRequestSummary summary(ResultSet rs, int row) throws SQLException {
        PushRequestView r = map(rs, row);
        return new PushRequestSummary(r.id(), r.kind(), r.scheduledAt(), rs.getString("catalog_name"),
                rs.getString("master_number"), rs.getString("year_code"), r.status(), r.coursesDone(),
                r.coursesTotal(), r.mode(), r.toSections(), r.types(), r.submittedBy(),
                rs.getString("submitted_by_name"), r.message(), PushRequestAudit.lastAction(rs), r.startedAt(),
                r.finishedAt(), rs.getInt("attempts"), rs.getString("ran_on"));
    }

    private static PushRequestView map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("data_types");
        Set<LockType> types = EnumSet.noneOf(LockType.class);
        Arrays.stream((String[]) array.getArray()).map(LockType::valueOf).forEach(types::add);
        int total = rs.getInt("courses_total");
        Integer coursesTotal = rs.wasNull() ? null : total;
        long catalog = rs.getLong("catalog_id");
        Long catalogId = rs.wasNull() ? null : catalog;
        long master = rs.getLong("master_id");
        Long masterId = rs.wasNull() ? null : master;
        long calendar = rs.getLong("calendar_id");
        Long calendarId = rs.wasNull() ? null : calendar;
        return new PushRequestView(rs.getObject("id", UUID.class), PushKind.valueOf(rs.getString("kind")), catalogId,
                masterId, rs.getLong("school_year_id"), calendarId, PushMode.valueOf(rs.getString("mode")),
                rs.getBoolean("to_sections"), types, PushStatus.valueOf(rs.getString("status")),
                rs.getString("submitted_by"), instant(rs, "submitted_at"), instant(rs, "scheduled_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), coursesTotal, rs.getInt("courses_done"),
                rs.getString("message"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
