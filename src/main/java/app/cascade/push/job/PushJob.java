package app.cascade.push.job;

import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import app.cascade.push.PushKind;
import app.cascade.push.PushRequestView;
import app.cascade.push.PushStatus;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.PushSlots;
import app.cascade.tenancy.DistrictSettings;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.UUID;

/**
 * The background job of a push request. It takes ids only, binds the district itself (try/finally) and is
 * idempotent: JobRunr retries resume the request where it stopped, and a finished or cancelled request is left alone.
 * A request that may not start now is held (QUEUED, with a note saying why) and the job ends at once, freeing its
 * worker: while its district is switched off or its Batch Reporting is off, and while the district already runs as
 * many pushes as its {@code maxRunningPushes} ({@link PushSlots}, decision 0025). {@link HeldRequests} gives it a job
 * again.
 */
@Component
public class PushJob {

    /** JobRunr retries a failed attempt this many times; then the request is FAILED. */
    public static final int RETRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(PushJob.class);

    private final PushExecutor executor;
    private final PushRequestStore store;
    private final DistrictSettings settings;
    private final PushEvents events;
    private final PushEndings endings;
    private final TransactionTemplate tx;
    private final PushMetrics metrics;
    private final PushSlots slots;
    private final TenantRegistry registry;

    public PushJob(PushExecutor executor, PushRequestStore store, DistrictSettings settings, PushEvents events,
                   PushEndings endings, PlatformTransactionManager transactions,
                   PushMetrics metrics, PushSlots slots, TenantRegistry registry) {
        this.metrics = metrics;
        this.slots = slots;
        this.registry = registry;
        this.executor = executor;
        this.store = store;
        this.settings = settings;
        this.events = events;
        this.endings = endings;
        this.tx = new TransactionTemplate(transactions);
    }

    public void run(String tenantId, UUID requestId, JobContext jobContext) {
        MDC.put("district", tenantId);
        MDC.put("request", requestId.toString());
        try {
            TenantContext.run(tenantId, () -> runInDistrict(tenantId, requestId, jobContext));
        } finally {
            MDC.remove("district");
            MDC.remove("request");
        }
    }

    private void runInDistrict(String tenantId, UUID requestId, JobContext jobContext) {
        Optional<PushRequestView> found = tx.execute(s -> store.find(requestId));
        if (found.isEmpty() || found.get().status().isFinal()) {
            log.info("Push {} is {}; nothing to do", requestId, found.map(r -> r.status().name()).orElse("gone"));
            return;
        }
        Tenant tenant = registry.require(tenantId);
        if (!tenant.enabled() && found.get().status() != PushStatus.RUNNING) {
            hold(tenantId, requestId, "this district is switched off in Cascade; the request runs once it is switched"
                    + " on.");
            return;
        }
        if (!settings.batchReporting(tenantId)) {
            hold(tenantId, requestId, "Batch Reporting is off for this district. The request runs once it is turned"
                    + " on.");
            return;
        }
        waitForScheduledTime(found.get());
        PushSlots.Claim claim = tx.execute(s -> slots.claim(requestId, tenant.maxRunningPushes()));
        if (claim != PushSlots.Claim.STARTED) {
            if (claim == PushSlots.Claim.HELD) {
                events.publish(PushEvent.request(tenantId, requestId, PushStatus.QUEUED, 0, null));
                log.info("Push {} waits for a free slot: {} of {}'s pushes run at once", requestId,
                        tenant.maxRunningPushes(), tenantId);
            }
            return;
        }
        int attempt = tx.execute(s -> store.startAttempt(requestId));
        Progress progress = new Progress(tenantId, requestId, jobContext);
        long started = System.nanoTime();
        try {
            PushStatus status = executor.execute(requestId, progress);
            metrics.recorded(tenantId, requestId, found.get(), status,
                    java.time.Duration.ofNanos(System.nanoTime() - started));
            events.publish(PushEvent.request(tenantId, requestId, status, progress.done, progress.total));
            endings.ended(tenantId, requestId);
        } catch (RuntimeException e) {
            if (attempt > RETRIES) {
                tx.executeWithoutResult(s -> store.markFailed(requestId, (found.get().kind() == PushKind.UNDO
                        ? "The undo failed: " : "The push failed: ") + e.getMessage()));
                events.publish(PushEvent.request(tenantId, requestId, PushStatus.FAILED, progress.done,
                        progress.total));
                endings.ended(tenantId, requestId);
            } else {
                log.warn("Push {} attempt {} failed; JobRunr will retry it", requestId, attempt, e);
            }
            throw e;
        }
    }

    /** Holds the request with the note {@link PushRequestStore#WAITING} + {@code why}; its job ends. */
    private void hold(String tenantId, UUID requestId, String why) {
        tx.executeWithoutResult(s -> store.markWaiting(requestId, why));
        events.publish(PushEvent.request(tenantId, requestId, PushStatus.QUEUED, 0, null));
        log.info("Push {} waits: {}", requestId, why);
    }

    /**
     * JobRunr hands a scheduled job to the workers up to one poll interval before its time (it reads the jobs
     * scheduled before now + poll interval), so a push submitted for 12:00:00 could start at 11:59:55. A push never
     * starts before the time its submitter chose: the job waits out the difference. More than a minute early means
     * clocks apart between nodes: it then runs, and says so in the log.
     */
    private static void waitForScheduledTime(PushRequestView request) {
        if (request.scheduledAt() == null) {
            return;
        }
        java.time.Duration early = java.time.Duration.between(java.time.Instant.now(), request.scheduledAt());
        if (early.isNegative() || early.isZero()) {
            return;
        }
        if (early.compareTo(MAX_EARLY) > 0) {
            log.warn("Push {} was handed over {} before its scheduled time {}: check the nodes' clocks; it runs now",
                    request.id(), early, request.scheduledAt());
            return;
        }
        log.info("Push {} waits {} ms for its scheduled time {}", request.id(), early.toMillis(), request.scheduledAt());
        try {
            Thread.sleep(early);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the scheduled time of push " + request.id(),
                    e);
        }
    }

    private static final java.time.Duration MAX_EARLY = java.time.Duration.ofMinutes(1);

    /** Reports progress to JobRunr and, at most every half second, to the screens. */
    private final class Progress implements java.util.function.IntConsumer {
        private final String tenantId;
        private final UUID requestId;
        private final JobContext jobContext;
        private JobDashboardProgressBar bar;
        private long lastEvent;
        int done;
        Integer total;

        Progress(String tenantId, UUID requestId, JobContext jobContext) {
            this.tenantId = tenantId;
            this.requestId = requestId;
            this.jobContext = jobContext;
        }

        @Override
        public void accept(int coursesDone) {
            done = coursesDone;
            if (total == null) {
                total = tx.execute(s -> store.find(requestId).map(PushRequestView::coursesTotal).orElse(0));
                if (jobContext != null && jobContext != JobContext.Null && total != null && total > 0) {
                    bar = jobContext.progressBar(total);
                }
            }
            if (bar != null) {
                bar.setProgress(coursesDone);
            }
            long now = System.currentTimeMillis();
            if (now - lastEvent > 500 || (total != null && coursesDone >= total)) {
                lastEvent = now;
                events.publish(PushEvent.request(tenantId, requestId, PushStatus.RUNNING, coursesDone, total));
            }
        }
    }
}
