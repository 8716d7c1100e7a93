package app.cascade.push;

import app.cascade.grading.Locks;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.PlanCounts;
import app.cascade.push.engine.ReportRow;
import app.cascade.push.internal.ChunkPlanner;
import app.cascade.push.internal.ChunkSettings;
import app.cascade.push.internal.PushLoader;
import app.cascade.push.internal.PushReportRows;
import app.cascade.push.internal.PushRequestStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Pushing, for users with the PUSH_ADMIN role: validate a command (PushRequestService stores it and its job runs it),
 * read a request and its report, or preview a push.
 * The district is always the current user's (or the job's) bound district.
 */
@Service
public class PushService {

    private final PushRequestStore store;
    private final ChunkPlanner planner;
    private final ChunkSettings chunks;
    private final PushLoader loader;
    private final JdbcTemplate jdbc;
    private final PushReportRows reportRows;

    public PushService(PushRequestStore store, ChunkPlanner planner, ChunkSettings chunks, PushLoader loader,
                       JdbcTemplate jdbc, PushReportRows reportRows) {
        this.store = store;
        this.planner = planner;
        this.chunks = chunks;
        this.loader = loader;
        this.jdbc = jdbc;
        this.reportRows = reportRows;
    }

    @PreAuthorize("hasRole('PUSH_ADMIN')")
    @Transactional(readOnly = true)
    public PushRequestView request(UUID id) {
        return store.find(id).orElseThrow(() -> new PushNotFoundException(id));
    }

    /** The report rows of a request, in the order they were written. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<ReportRow> reportRows(UUID id) {
        store.find(id).orElseThrow(() -> new PushNotFoundException(id));
        return reportRows.all(id);
    }

    /** The dry run: the same planner, no writes, nothing stored. */
    @PreAuthorize("hasRole('PUSH_ADMIN')")
    @Transactional(readOnly = true)
    public PushPreview preview(PushCommand command) {
        validate(command);
        PushRequestView draft = new PushRequestView(UUID.randomUUID(), command.kind(), command.catalogId(),
                command.masterId(), command.schoolYearId(), command.calendarId(), command.mode(),
                command.toSections(), command.types(), PushStatus.QUEUED, "preview", Instant.now(), Instant.now(),
                null, null, null, 0, null);
        Long catalogId = switch (command.kind()) {
            case CATALOG -> command.catalogId();
            case MASTER -> jdbc.queryForObject("select catalog_id from course_master where id = ?", Long.class,
                    command.masterId());
            case COURSES, UNDO -> null;
        };
        Locks locks = catalogId == null ? Locks.everything() : loader.locks(catalogId);
        List<ReportRow> rows = new ArrayList<>(catalogId == null ? List.of()
                : planner.requestRows(locks, command.options()));
        List<CoursePreview> courses = new ArrayList<>();
        PlanCounts totals = PlanCounts.ZERO;
        for (List<Long> chunk : chunks.cut(store.pendingCourses(draft))) {
            ChunkPlanner.PlannedChunk planned = planner.preview(draft, locks, chunk);
            for (CoursePlan plan : planned.plans()) {
                var course = planned.course(plan.courseId());
                courses.add(new CoursePreview(course.id(), course.school(), course.number(), course.info().name(),
                        plan.outcome(), plan.counts()));
                rows.addAll(plan.rows());
                totals = totals.plus(plan.counts());
            }
        }
        return new PushPreview(courses, rows, totals);
    }

    /** Every bad setting gets a clear message naming the field. */
    void validate(PushCommand command) {
        if (command.types().isEmpty()) {
            throw new PushValidationException("types", "Select at least one type of data to push");
        }
        if (!exists("select exists (select 1 from school_year where id = ?)", command.schoolYearId())) {
            throw new PushValidationException("schoolYearId", "No school year " + command.schoolYearId());
        }
        switch (command.kind()) {
            case CATALOG -> {
                if (command.catalogId() == null
                        || !exists("select exists (select 1 from course_catalog where id = ?)", command.catalogId())) {
                    throw new PushValidationException("catalogId", "No course catalog " + command.catalogId());
                }
            }
            case MASTER -> {
                if (command.masterId() == null
                        || !exists("select exists (select 1 from course_master where id = ?)", command.masterId())) {
                    throw new PushValidationException("masterId", "No course master " + command.masterId());
                }
            }
            case COURSES -> {
                if (command.calendarId() != null && !exists(
                        "select exists (select 1 from calendar where id = ? and school_year_id = ?)",
                        command.calendarId(), command.schoolYearId())) {
                    throw new PushValidationException("calendarId",
                            "No calendar " + command.calendarId() + " in that school year");
                }
            }
            case UNDO -> throw new PushValidationException("kind", "An undo is not submitted as a push: undo a "
                    + "finished push with POST /api/v1/pushes/{id}/undo");
        }
    }

    private boolean exists(String sql, Object... args) {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, args));
    }
}
