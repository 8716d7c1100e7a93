package app.cascade.push.internal;

import app.cascade.grading.Locks;
import app.cascade.push.PushKind;
import app.cascade.push.PushMeasured;
import app.cascade.push.PushRequestView;
import app.cascade.push.PushStatus;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs a stored push request, or an undo: finds it, takes its catalog's lock, marks it running, cuts its pending
 * courses into chunks and runs them through {@link OrderedChunks}, then finishes it. Each chunk, in its own
 * transaction, goes through the request's {@link ChunkSteps}, chosen once by its kind: for a push the memo splits it
 * ({@link CourseMemo}), the planner step loads and plans the rest ({@link ChunkPlanner}), the applier step writes them
 * ({@link ChunkApplier}) and the memo remembers them; for an undo {@link UndoChunkPlanner} plans putting its courses
 * back, the same applier writes them and their memos are dropped. The report writer then adds the chunk's results
 * and rows ({@link ChunkReportWriter}). Results and report rows commit with their
 * courses, so a retried request resumes with the courses not yet done. The run's figures are published as a
 * {@link PushMeasured} event.
 */
@Component
public class PushExecutor {

    private static final Logger log = LoggerFactory.getLogger(PushExecutor.class);

    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final CatalogPushLock catalogLock;
    private final PushLoader loader;
    private final PushRequestStore store;
    private final PushMasterSnapshot snapshots;
    private final CurrentTenant currentTenant;
    private final ChunkSettings chunks;
    private final ChunkBudget budget;
    private final PushChunkSteps pushSteps;
    private final UndoChunkSteps undoSteps;
    private final ChunkReportWriter report;
    private final ApplicationEventPublisher events;

    PushExecutor(PlatformTransactionManager transactions, JdbcTemplate jdbc, CatalogPushLock catalogLock,
                 PushLoader loader, PushRequestStore store, PushMasterSnapshot snapshots, CurrentTenant currentTenant,
                 ChunkSettings chunks, ChunkBudget budget, PushChunkSteps pushSteps, UndoChunkSteps undoSteps,
                 ChunkReportWriter report, ApplicationEventPublisher events) {
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.catalogLock = catalogLock;
        this.loader = loader;
        this.store = store;
        this.snapshots = snapshots;
        this.currentTenant = currentTenant;
        this.chunks = chunks;
        this.budget = budget;
        this.pushSteps = pushSteps;
        this.undoSteps = undoSteps;
        this.report = report;
        this.events = events;
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
        try (CatalogPushLock.Held ignored = catalogLock.take(tenant, catalogId)) {
            Locks locks = catalogId == null ? Locks.everything() : tx.execute(s -> loader.locks(catalogId));
            PushRun run = new PushRun(request, locks, PushMasterSnapshot.applies(request) ? requestId : null,
                    new PushPhases());
            ChunkSteps steps = request.kind() == PushKind.UNDO ? undoSteps : pushSteps;
            List<Long> pending = tx.execute(s -> start(run, steps));
            int done = tx.execute(s -> store.doneCourses(requestId));
            progress.accept(done);
            done = runChunks(tenant, run, steps, pending, done, progress);
            PushStatus status = tx.execute(s -> {
                PushStatus finished = store.finish(requestId);
                snapshots.drop(requestId);
                return finished;
            });
            PushMeasured measured = new PushMeasured(tenant.id(), requestId, status, done, run.phases().memoHits(),
                    run.phases().seconds());
            log.info("Push {} in {} finished: {} ({} courses, {} of them unchanged since their last push and not"
                    + " planned again); seconds per phase: {}", requestId, tenant.id(), status, done,
                    measured.memoHits(), measured.phaseSeconds());
            events.publishEvent(measured);
            return status;
        }
    }

    /** Marks the request running and returns its pending courses; the steps add what they need first. */
    private List<Long> start(PushRun run, ChunkSteps steps) {
        PushRequestView request = run.request();
        List<Long> courses = store.pendingCourses(request);
        // the masters as of the start, kept by a resumed or retried request (0006-push-master-snapshot)
        snapshots.takeIfAbsent(request);
        store.markRunning(request.id(), courses.size() + store.doneCourses(request.id()));
        steps.start(run);
        return courses;
    }

    /**
     * Runs the chunks {@code workers} at a time, each in its own transaction on its own connection, so one chunk's
     * reads and planning overlap another's writes, as far as the node's {@link ChunkBudget} lets them; a chunk inserts its report rows and commits only after the one
     * before it (OrderedChunks), so the report keeps the course order and a failure leaves exactly the chunks before
     * it committed. Returns the courses done.
     */
    private int runChunks(Tenant tenant, PushRun run, ChunkSteps steps, List<Long> pending, int done,
                          IntConsumer progress) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        String threads = "push-" + run.request().id().toString().substring(0, 8) + "-";
        OrderedChunks ordered = new OrderedChunks(chunks.workers(), threads, work -> () -> inWorker(tenant, mdc, work));
        return ordered.run(chunks.cut(pending), done, (chunk, awaitPrevious) -> {
            long asked = System.nanoTime();
            // the node's place for this chunk, given back before it waits for the chunk before it (ChunkBudget)
            try (ChunkBudget.Place place = budget.take()) {
                long t0 = run.phases().add("waiting for a place in the node's chunk budget", asked);
                tx.executeWithoutResult(s -> report.write(run.request().id(), steps.run(run, chunk), () -> {
                    place.close();
                    awaitPrevious.run();
                }, run.phases()));
                run.phases().add("chunk transactions, total (begin to commit)", t0);
            }
        }, progress);
    }

    private static <T> T inWorker(Tenant tenant, Map<String, String> mdc, Supplier<T> work) {
        if (mdc != null) {
            MDC.setContextMap(mdc);
        }
        try {
            return TenantContext.call(tenant.id(), work);
        } finally {
            MDC.clear();
        }
    }

    private Long catalogOf(PushRequestView request) {
        return switch (request.kind()) {
            case CATALOG -> request.catalogId();
            case MASTER -> tx.execute(s -> jdbc.queryForObject("select catalog_id from course_master where id = ?",
                    Long.class, request.masterId()));
            case COURSES -> null;
            // an undo carries the catalog of the push it undoes (null for a push from courses, which has no lock)
            case UNDO -> request.catalogId();
        };
    }
}
