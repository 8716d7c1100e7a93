package app.cascade.push.internal;

import app.cascade.grading.Locks;
import app.cascade.push.PushKind;
import app.cascade.push.PushRequestView;
import app.cascade.push.PushStatus;
import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.CourseOutcome;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.Facts;
import app.cascade.push.engine.MasterInput;
import app.cascade.push.engine.PlanCounts;
import app.cascade.push.engine.PushOptions;
import app.cascade.push.engine.PushPlanner;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Runs a stored push request: chunks of courses keyed by master, each chunk loaded with set-returning queries,
 * planned in memory and applied with set-based SQL in one transaction. Every course stays all-or-nothing: if the
 * chunk's writes fail or break the gradebook invariant, a failure-isolation pass applies each course under its own
 * savepoint and reports the failing ones as {@code ERROR}. Results and report rows commit with their courses, so a
 * retried request resumes with the courses not yet done.
 */
@Component
public class PushExecutor {

    private static final Logger log = LoggerFactory.getLogger(PushExecutor.class);

    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    /** The catalog locks' own pool ({@link PushLockPool}). */
    private final DataSource lockConnections;
    private final PushLoader loader;
    private final PushWriter writer;
    private final PushRequestStore store;
    private final PushMasterSnapshot snapshots;
    private final PushMemo memo;
    private final CurrentTenant currentTenant;
    private final PushPlanner planner = PushPlanner.standard();
    private final int chunkSize;
    private final int workers;

    public PushExecutor(PlatformTransactionManager transactions, JdbcTemplate jdbc,
                        @org.springframework.beans.factory.annotation.Qualifier(PushLockPool.BEAN)
                        DataSource lockConnections,
                        PushLoader loader, PushWriter writer, PushRequestStore store, PushMasterSnapshot snapshots,
                        PushMemo memo, CurrentTenant currentTenant,
                        @org.springframework.beans.factory.annotation.Value("${cascade.push.chunk-size:200}")
                        int chunkSize,
                        @org.springframework.beans.factory.annotation.Value("${cascade.push.workers:2}")
                        int workers) {
        if (chunkSize < 1 || workers < 1) {
            throw new IllegalArgumentException("cascade.push.chunk-size and cascade.push.workers must be at least 1");
        }
        this.chunkSize = chunkSize;
        this.workers = workers;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.lockConnections = lockConnections;
        this.loader = loader;
        this.writer = writer;
        this.store = store;
        this.snapshots = snapshots;
        this.memo = memo;
        this.currentTenant = currentTenant;
    }

    /**
     * Runs (or resumes) the request in the current district. Idempotent: a finished request is left as it is, a
     * running one continues with the courses not yet committed.
     *
     * @param progress called with the number of courses done so far
     */
    public PushStatus execute(UUID requestId, IntConsumer progress) {
        Tenant tenant = currentTenant.require();
        PushRequestView request = tx.execute(s -> store.find(requestId))
                .orElseThrow(() -> new IllegalArgumentException("No push request " + requestId));
        if (request.status().isFinal()) {
            return request.status();
        }
        Long catalogId = catalogOf(request);
        try (AdvisoryLock ignored = catalogId == null ? AdvisoryLock.NONE : lock(tenant.schema(), catalogId)) {
            Locks locks = catalogId == null ? Locks.everything() : tx.execute(s -> loader.locks(catalogId));
            PushOptions options = request.command().options();
            List<Long> pending = tx.execute(s -> {
                List<Long> courses = store.pendingCourses(request);
                // the masters as of the start, kept by a resumed or retried request (0006-push-master-snapshot)
                snapshots.takeIfAbsent(request);
                store.markRunning(requestId, courses.size() + store.doneCourses(requestId));
                if (request.kind() != PushKind.COURSES && !store.hasRequestRows(requestId)) {
                    writer.insertRows(requestId, planner.requestRows(locks, options));
                }
                return courses;
            });
            int done = tx.execute(s -> store.doneCourses(requestId));
            progress.accept(done);
            Phases phases = new Phases();
            Run run = new Run(request, locks, options, memo.requestFingerprint(request.kind(), options, locks),
                    PushMasterSnapshot.applies(request) ? request.id() : null, phases);
            done = runChunks(tenant, run, pending, done, progress);
            PushStatus status = tx.execute(s -> {
                PushStatus finished = store.finish(requestId);
                snapshots.drop(requestId);
                return finished;
            });
            LastRun last = new LastRun(phases.seconds(), phases.skipped.get());
            lastRun.set(last);
            log.info("Push {} in {} finished: {} ({} courses, {} of them unchanged since their last push and not"
                    + " planned again); seconds per phase: {}", requestId, tenant.id(), status, done,
                    last.skippedCourses(), last.phaseSeconds());
            return status;
        }
    }

    /**
     * One push as its chunks see it: the request, its settings, its fingerprint (PushMemo), the request whose master
     * snapshot it reads (null for a push from courses), and where its figures go.
     */
    private record Run(PushRequestView request, Locks locks, PushOptions options, String fingerprint,
                       UUID snapshotOf, Phases phases) {

        boolean fromCourses() {
            return request.kind() == PushKind.COURSES;
        }
    }

    /** A chunk with its plans. */
    public record PlannedChunk(PushLoader.Chunk chunk, List<CoursePlan> plans) {
    }

    /** Plans a chunk without writing anything: the dry run. */
    public PlannedChunk plan(PushRequestView request, Locks locks, List<Long> courseIds) {
        PushLoader.Chunk chunk = loader.load(courseIds, false);
        return new PlannedChunk(chunk, loader.withDependents(chunk,
                facts -> planAll(request, locks, request.command().options(), chunk, facts)));
    }

    private List<CoursePlan> planAll(Run run, PushLoader.Chunk chunk, Facts facts) {
        return planAll(run.request(), run.locks(), run.options(), chunk, facts);
    }

    private List<CoursePlan> planAll(PushRequestView request, Locks locks, PushOptions options,
                                     PushLoader.Chunk chunk, Facts facts) {
        List<CoursePlan> plans = new ArrayList<>();
        for (CourseInput course : chunk.courses()) {
            if (request.kind() == PushKind.COURSES) {
                plans.add(planner.planCoursePush(course, options, facts));
            } else {
                MasterInput master = chunk.masters().get(course.masterId());
                plans.add(planner.planMasterPush(master, course, locks, options, facts));
            }
        }
        return plans;
    }

    /**
     * Runs the chunks {@code workers} at a time, each in its own transaction on its own connection, so one chunk's
     * reads and planning overlap another's writes; a chunk inserts its report rows and commits only after the one
     * before it (OrderedChunks), so the report keeps the course order and a failure leaves exactly the chunks before
     * it committed. Returns the courses done.
     */
    private int runChunks(Tenant tenant, Run run, List<Long> pending, int done, IntConsumer progress) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += chunkSize) {
            chunks.add(pending.subList(from, Math.min(pending.size(), from + chunkSize)));
        }
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        String threads = "push-" + run.request().id().toString().substring(0, 8) + "-";
        OrderedChunks ordered = new OrderedChunks(workers, threads,
                work -> () -> inWorker(tenant, mdc, work));
        return ordered.run(chunks, done, (chunk, awaitPrevious) -> {
            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> runChunk(run, chunk, awaitPrevious));
            run.phases().add("chunk transactions, total (begin to commit)", t0);
        }, progress);
    }

    private static <T> T inWorker(Tenant tenant, Map<String, String> mdc, java.util.function.Supplier<T> work) {
        if (mdc != null) {
            MDC.setContextMap(mdc);
        }
        try {
            return TenantContext.call(tenant.id(), work);
        } finally {
            MDC.clear();
        }
    }

    private void runChunk(Run run, List<Long> courseIds, Runnable awaitPreviousChunk) {
        Phases phases = run.phases();
        UUID requestId = run.request().id();
        long t = System.nanoTime();
        // the course rows locked, their stamps and memos read before anything else of them (PushMemo)
        List<PushMemo.Entry> entries = memo.lookup(courseIds);
        Map<Long, String> fingerprints = fingerprintsOfCandidates(run, entries);
        List<Long> order = new ArrayList<>();
        Set<Long> hits = new HashSet<>();
        Map<Long, PushMemo.Entry> planned = new LinkedHashMap<>();
        for (PushMemo.Entry entry : entries) {
            order.add(entry.courseId());
            String fingerprint = fingerprints.get(entry.courseId());
            if (fingerprint != null && entry.matches(fingerprint)) {
                hits.add(entry.courseId());
            } else {
                planned.put(entry.courseId(), entry);
            }
        }
        phases.skipped.addAndGet(hits.size());
        t = phases.add("memo: lock courses, read stamps", t);
        Map<Long, List<ReportRow>> rowsOf = new HashMap<>();
        List<PushWriter.CourseResult> results = new ArrayList<>();
        if (!planned.isEmpty()) {
            planAndApply(run, new ArrayList<>(planned.keySet()), planned, rowsOf, results);
        }
        // results mark the courses done once committed, in no particular order: before the wait
        t = System.nanoTime();
        writer.insertResults(requestId, results);
        memo.copyResults(requestId, order.stream().filter(hits::contains).toList());
        t = phases.add("course results", t);
        awaitPreviousChunk.run();
        t = phases.add("wait for the previous chunk's commit", t);
        insertRowsInCourseOrder(requestId, order, hits, rowsOf);
        t = phases.add("report rows", t);
        store.addProgress(requestId, courseIds.size());
        phases.add("progress", t);
    }

    /**
     * The fingerprint of every course whose memo was made at its current stamp (only those can be skipped): the
     * request's settings and the course's master as this push reads it.
     */
    private Map<Long, String> fingerprintsOfCandidates(Run run, List<PushMemo.Entry> entries) {
        List<PushMemo.Entry> candidates = entries.stream()
                .filter(e -> e.stamp() != null && e.stamp().equals(e.memoStamp())).toList();
        Map<Long, String> fingerprints = new HashMap<>();
        if (candidates.isEmpty()) {
            return fingerprints;
        }
        Map<Long, MasterInput> masters = run.fromCourses() ? Map.of()
                : loader.masters(candidates.stream().map(PushMemo.Entry::masterId).filter(Objects::nonNull)
                .collect(Collectors.toSet()), run.snapshotOf());
        Map<Long, String> byMaster = new HashMap<>();
        for (PushMemo.Entry e : candidates) {
            fingerprints.put(e.courseId(), fingerprintOf(run, masters, e.masterId(), byMaster));
        }
        return fingerprints;
    }

    /**
     * Loads, plans and applies the courses that could not be skipped, adds their report rows and results, and
     * replaces their memos with what the next push would report.
     */
    private void planAndApply(Run run, List<Long> courseIds, Map<Long, PushMemo.Entry> entries,
                              Map<Long, List<ReportRow>> rowsOf, List<PushWriter.CourseResult> results) {
        Phases phases = run.phases();
        long t = System.nanoTime();
        PushLoader.Chunk chunk = loader.load(courseIds, true, run.snapshotOf());
        t = phases.add("load (course rows locked)", t);
        PushLoader.KnownDependents known = new PushLoader.KnownDependents();
        List<CoursePlan> plans = loader.withDependents(chunk, known, facts -> planAll(run, chunk, facts));
        t = phases.add("dependents + plan", t);
        List<CoursePlan> changing = plans.stream().filter(p -> !p.changesNothing()).toList();
        // the invariant is checked only where something is written: the gradebook rows this transaction has written
        // so far (PostgreSQL's own counters), or, where the server keeps no counters, the counts per course
        Long writesBefore = changing.isEmpty() ? null : loader.gradebookWrites();
        Map<Long, List<Long>> before = changing.isEmpty() || writesBefore != null ? Map.of()
                : loader.gradebookCounts(changing.stream().map(CoursePlan::courseId).toList());
        t = phases.add("gradebook check before", t);
        boolean applied = changing.isEmpty()
                || attempt(changing, changing.stream().map(CoursePlan::courseId).toList(), before, writesBefore,
                phases);
        t = phases.add("apply + verify", t);
        List<CoursePlan> written = new ArrayList<>();
        for (CoursePlan plan : plans) {
            String error = null;
            if (!applied && !plan.changesNothing()) {
                error = isolate(plan);
            }
            if (error == null) {
                rowsOf.put(plan.courseId(), plan.rows());
                results.add(new PushWriter.CourseResult(plan.courseId(), outcome(plan.outcome()), plan.counts()));
                written.add(plan);
            } else {
                CourseInput course = chunk.courses().stream().filter(c -> c.id() == plan.courseId()).findFirst()
                        .orElseThrow();
                rowsOf.put(plan.courseId(), List.of(new ReportRow(course.id(), course.school(), course.number(),
                        course.info().name(), null, null, null, "Failed: nothing changed", ReasonCode.ERROR,
                        Dependents.NONE, error)));
                results.add(new PushWriter.CourseResult(plan.courseId(), "ERROR", PlanCounts.ZERO));
            }
        }
        t = phases.add("course outcomes", t);
        remember(run, chunk, known, written, entries);
    }

    /**
     * Replaces the memos of the courses this chunk planned. A course the push left as it was keeps its plan (planning
     * it again gives the same); a written course keeps the plan of its new state, computed in memory
     * ({@link CoursePlan#applyTo}) and planned with the dependents read before the writes where the writes cannot
     * have changed them and read again after them elsewhere ({@link PushLoader.KnownDependents#after}), as the next
     * push would read them. That plan must change nothing; a course whose does, or that failed, or has no stamp,
     * keeps no memo.
     */
    private void remember(Run run, PushLoader.Chunk chunk, PushLoader.KnownDependents known,
                          List<CoursePlan> written, Map<Long, PushMemo.Entry> entries) {
        Phases phases = run.phases();
        long t = System.nanoTime();
        Map<Long, CourseInput> inputs = new HashMap<>();
        chunk.courses().forEach(c -> inputs.put(c.id(), c));
        List<PushMemo.Memo> memos = new ArrayList<>();
        List<CourseInput> after = new ArrayList<>();
        List<CoursePlan> applied = new ArrayList<>();
        Set<Long> forget = new HashSet<>(entries.keySet());
        Map<Long, String> byMaster = new HashMap<>();
        for (CoursePlan plan : written) {
            Long stamp = entries.get(plan.courseId()).stamp();
            if (stamp == null) {
                continue;
            }
            if (plan.changesNothing()) {
                memos.add(PushMemo.of(plan, stamp, fingerprintOf(run, chunk.masters(),
                        inputs.get(plan.courseId()).masterId(), byMaster)));
            } else {
                try {
                    after.add(plan.applyTo(inputs.get(plan.courseId())));
                    applied.add(plan);
                } catch (IllegalArgumentException e) {
                    log.warn("Course {}: its plan does not fit the course it was planned from ({}); no memo kept",
                            plan.courseId(), e.getMessage());
                }
            }
        }
        t = phases.add("memo: apply the plans in memory", t);
        if (!after.isEmpty()) {
            PushLoader.Chunk state = new PushLoader.Chunk(chunk.masters(), after, chunk.facts());
            List<CoursePlan> next = loader.withDependents(state, known.after(applied, inputs),
                    facts -> planAll(run, state, facts));
            for (int i = 0; i < next.size(); i++) {
                CoursePlan plan = next.get(i);
                if (plan.changesNothing()) {
                    memos.add(PushMemo.of(plan, entries.get(plan.courseId()).stamp(),
                            fingerprintOf(run, chunk.masters(), after.get(i).masterId(), byMaster)));
                } else {
                    log.warn("Course {}: planning its state after the push changes it again ({}); no memo kept",
                            plan.courseId(), plan.counts());
                }
            }
        }
        t = phases.add("memo: plan the written courses again", t);
        memos.forEach(m -> forget.remove(m.courseId()));
        memo.store(memos);
        memo.forget(forget);
        phases.add("memo: store", t);
    }

    /** The fingerprint of a course of that master (null: none), computed once per master ({@code byMaster}). */
    private String fingerprintOf(Run run, Map<Long, MasterInput> masters, Long masterId,
                                 Map<Long, String> byMaster) {
        MasterInput master = run.fromCourses() || masterId == null ? null : masters.get(masterId);
        return master == null ? memo.courseFingerprint(run.fingerprint(), null)
                : byMaster.computeIfAbsent(master.id(), id -> memo.courseFingerprint(run.fingerprint(), master));
    }

    /**
     * The chunk's report rows in course order: the skipped courses' rows copied from their memos, runs of consecutive
     * skipped courses in one statement, the planned courses' rows in between.
     */
    private void insertRowsInCourseOrder(UUID requestId, List<Long> order, Set<Long> hits,
                                         Map<Long, List<ReportRow>> rowsOf) {
        List<Long> fromMemo = new ArrayList<>();
        List<ReportRow> fromPlans = new ArrayList<>();
        for (Long courseId : order) {
            if (hits.contains(courseId)) {
                if (!fromPlans.isEmpty()) {
                    writer.insertRows(requestId, fromPlans);
                    fromPlans = new ArrayList<>();
                }
                fromMemo.add(courseId);
            } else {
                if (!fromMemo.isEmpty()) {
                    memo.copyRows(requestId, fromMemo);
                    fromMemo = new ArrayList<>();
                }
                fromPlans.addAll(rowsOf.getOrDefault(courseId, List.of()));
            }
        }
        writer.insertRows(requestId, fromPlans);
        memo.copyRows(requestId, fromMemo);
    }

    /** What the last push run by a thread measured; per thread, so pushes running side by side do not mix. */
    private record LastRun(Map<String, Double> phaseSeconds, int skippedCourses) {
    }

    private final ThreadLocal<LastRun> lastRun = ThreadLocal.withInitial(() -> new LastRun(Map.of(), 0));

    /** Seconds per phase of the last push the calling thread ran through this executor (for the benchmark). */
    public Map<String, Double> lastPhaseSeconds() {
        return lastRun.get().phaseSeconds();
    }

    /**
     * Courses of the last push the calling thread ran that were unchanged since a push with the same settings and
     * master, and so taken from their memos instead of planned again.
     */
    public int lastSkippedCourses() {
        return lastRun.get().skippedCourses();
    }

    /** Wall time per phase of one push, summed over its chunks. */
    private static final class Phases {
        private final Map<String, Long> nanos = new java.util.LinkedHashMap<>();
        private final AtomicInteger skipped = new AtomicInteger();

        /** Adds the time since {@code since} to the phase; returns now. */
        synchronized long add(String phase, long since) {
            long now = System.nanoTime();
            nanos.merge(phase, now - since, Long::sum);
            return now;
        }

        synchronized Map<String, Double> seconds() {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            nanos.forEach((k, v) -> out.put(k, Math.round(v / 1e6) / 1e3));
            return out;
        }
    }

    /** Applies the whole chunk under one savepoint; false (rolled back) if anything fails. */
    private boolean attempt(List<CoursePlan> plans, List<Long> courseIds, Map<Long, List<Long>> before,
                            Long writesBefore, Phases phases) {
        Savepoint savepoint = savepoint();
        try {
            long t = System.nanoTime();
            writer.apply(plans);
            t = phases.add("  apply: writes", t);
            if (writesBefore != null) {
                verifyNoGradebookWrites(courseIds.size() + " course(s)", writesBefore);
            } else {
                verifyInvariant(courseIds, before);
            }
            phases.add("  verify: gradebook check after", t);
            release(savepoint);
            return true;
        } catch (RuntimeException e) {
            rollback(savepoint);
            log.warn("A chunk of {} course(s) failed ({}); isolating the failing course(s)", plans.size(),
                    e.getMessage());
            return false;
        }
    }

    /** Applies one course under its own savepoint; the error message, or null when it succeeded. */
    private String isolate(CoursePlan plan) {
        Savepoint savepoint = savepoint();
        try {
            // one course: its counts before and after (for the message), and the rows written, when counted
            List<Long> course = List.of(plan.courseId());
            Map<Long, List<Long>> before = loader.gradebookCounts(course);
            Long writesBefore = loader.gradebookWrites();
            writer.apply(List.of(plan));
            verifyInvariant(course, before);
            if (writesBefore != null) {
                verifyNoGradebookWrites("course " + plan.courseId(), writesBefore);
            }
            release(savepoint);
            return null;
        } catch (RuntimeException e) {
            rollback(savepoint);
            return rootMessage(e);
        }
    }

    /**
     * The chunk's writes touch items and course info only: any gradebook row they inserted, updated or deleted (a
     * cascade, a trigger) breaks the invariant.
     */
    private void verifyNoGradebookWrites(String what, long writesBefore) {
        long written = loader.gradebookWrites() - writesBefore;
        if (written != 0) {
            throw new IllegalStateException("Gradebook data of " + what + " changed: " + written
                    + " row(s) of assignments, scores, comments or posted grades written by the push: rolled back");
        }
    }

    private void verifyInvariant(List<Long> courseIds, Map<Long, List<Long>> before) {
        Map<Long, List<Long>> after = loader.gradebookCounts(courseIds);
        for (Long id : courseIds) {
            List<Long> was = before.getOrDefault(id, List.of(0L, 0L, 0L, 0L));
            List<Long> now = after.getOrDefault(id, List.of(0L, 0L, 0L, 0L));
            if (!was.equals(now)) {
                throw new IllegalStateException("Gradebook counts of course " + id + " changed from " + was
                        + " to " + now + " (assignments, scores, comments, posted grades): rolled back");
            }
        }
    }

    private static String outcome(CourseOutcome outcome) {
        return outcome.name();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    private Long catalogOf(PushRequestView request) {
        return switch (request.kind()) {
            case CATALOG -> request.catalogId();
            case MASTER -> tx.execute(s -> jdbc.queryForObject("select catalog_id from course_master where id = ?",
                    Long.class, request.masterId()));
            case COURSES -> null;
        };
    }

    private Savepoint savepoint() {
        return jdbc.execute((Connection c) -> c.setSavepoint());
    }

    private void release(Savepoint savepoint) {
        jdbc.execute((Connection c) -> {
            c.releaseSavepoint(savepoint);
            return null;
        });
    }

    private void rollback(Savepoint savepoint) {
        jdbc.execute((Connection c) -> {
            c.rollback(savepoint);
            return null;
        });
    }

    /**
     * A PostgreSQL session advisory lock keyed by (district schema, catalog), held on a connection of the lock pool for
     * the whole push: a second push of the same catalog waits; other catalogs and districts run in parallel. If the
     * process dies, PostgreSQL releases the lock with the connection.
     */
    private AdvisoryLock lock(String schema, long catalogId) {
        try {
            Connection connection = lockConnections.getConnection();
            try (PreparedStatement st = connection.prepareStatement("select pg_advisory_lock(hashtext(?), ?)")) {
                st.setString(1, "cascade.push:" + schema);
                st.setInt(2, Math.toIntExact(catalogId));
                st.execute();
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return () -> {
                try (connection; PreparedStatement st = connection.prepareStatement(
                        "select pg_advisory_unlock(hashtext(?), ?)")) {
                    st.setString(1, "cascade.push:" + schema);
                    st.setInt(2, Math.toIntExact(catalogId));
                    st.execute();
                } catch (SQLException e) {
                    log.warn("Could not release the push lock of {} catalog {}", schema, catalogId, e);
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the push lock of catalog " + catalogId, e);
        }
    }

    interface AdvisoryLock extends AutoCloseable {
        AdvisoryLock NONE = () -> {
        };

        @Override
        void close();
    }
}
