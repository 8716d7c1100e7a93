package app.cascade.push.job;

import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import app.cascade.push.PushStatus;
import app.cascade.push.internal.JobRunrJobs;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.UnfinishedRequests;
import app.cascade.push.internal.UnfinishedRequests.Unfinished;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Heals push requests that lost their job: at start and every minute, on one node at a time (a
 * {@link MaintenanceLease}), it finds the districts' requests that are scheduled, queued or running without a
 * live JobRunr job (none was created, it was deleted, or it ended while the request did not) and enqueues them again,
 * at their scheduled time; the push resumes with the courses not yet committed. A request whose job JobRunr gave up
 * on, or that lost its job more often than a push is retried, is failed with a message saying why. Requests of a
 * district whose Batch Reporting is off wait by design and are left alone.
 */
@Component
@ConditionalOnProperty(name = "cascade.push.reconciler.enabled", havingValue = "true", matchIfMissing = true)
public class PushJobReconciler {

    private static final String LEASE = "push-job-reconciler";
    private static final Logger log = LoggerFactory.getLogger(PushJobReconciler.class);

    private final UnfinishedRequests unfinished;
    private final PushRequestStore store;
    private final PushJobScheduler jobs;
    private final PushEvents events;
    private final PushEndings endings;
    private final TenantRegistry registry;
    private final MaintenanceLease lease;
    private final JdbcTemplate jobStorage;
    private final TransactionTemplate tx;
    private final Duration grace;
    private final Duration every;

    public PushJobReconciler(UnfinishedRequests unfinished, PushRequestStore store, PushJobScheduler jobs,
                             PushEvents events, PushEndings endings, TenantRegistry registry,
                             MaintenanceLease lease, @Qualifier(JobRunrPool.BEAN) DataSource jobStorage,
                             PlatformTransactionManager transactions,
                             @Value("${cascade.push.reconciler.grace:60s}") Duration grace,
                             @Value("${cascade.push.reconciler.every:60s}") Duration every) {
        this.unfinished = unfinished;
        this.store = store;
        this.jobs = jobs;
        this.events = events;
        this.endings = endings;
        this.registry = registry;
        this.lease = lease;
        this.jobStorage = new JdbcTemplate(jobStorage);
        this.tx = new TransactionTemplate(transactions);
        this.grace = grace;
        this.every = every;
    }

    /** At start, then a reconciler period after each pass ends; skipped while another node holds the lease. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${cascade.push.reconciler.every:60s}")
    public void onSchedule() {
        try {
            if (lease.take(LEASE, every)) {
                reconcile();
            }
        } catch (RuntimeException e) {
            log.error("The push job reconciler failed; it tries again in {}", every, e);
        }
    }

    /** One pass over every district; returns what it did, one entry per request it healed or failed. */
    public List<String> reconcile() {
        List<Unfinished> candidates = tx.execute(s -> unfinished.submittedBefore(Instant.now().minus(grace)));
        Map<UUID, String> states = jobStates(candidates);
        return candidates.stream().map(r -> heal(r, states.get(r.jobId()))).filter(a -> !a.isEmpty()).toList();
    }

    private String heal(Unfinished request, String jobState) {
        if (jobState != null && JobRunrJobs.LIVE.contains(jobState)) {
            return "";
        }
        if (request.status() != PushStatus.RUNNING && !request.batchReporting()) {
            return ""; // waits for Batch Reporting; turning it on enqueues it
        }
        MDC.put("district", request.tenantId());
        MDC.put("request", request.id().toString());
        try {
            String lost = jobState == null ? "no job" : "its job " + request.jobId() + " is " + jobState;
            if ("FAILED".equals(jobState) || request.attempts() > PushJob.RETRIES) {
                String why = "FAILED".equals(jobState) ? "its job failed " + request.attempts() + " times"
                        : "it lost its job after " + request.attempts() + " attempts";
                return fail(request, "Failed: " + why + " (found by the job reconciler)");
            }
            Instant at = request.scheduledAt().isAfter(Instant.now()) ? request.scheduledAt() : Instant.now();
            UUID jobId = jobs.enqueue(registry.require(request.tenantId()), request.id(), at).orElse(null);
            log.warn("Push {} was {} with {}: enqueued again as job {} at {}", request.id(), request.status(), lost,
                    jobId, at);
            return request.tenantId() + "/" + request.id() + ": enqueued again (" + lost + ")";
        } finally {
            MDC.remove("district");
            MDC.remove("request");
        }
    }

    private String fail(Unfinished request, String message) {
        boolean failed = TenantContext.call(request.tenantId(), () -> Boolean.TRUE.equals(
                tx.execute(s -> store.failUnfinished(request.id(), message))));
        if (!failed) {
            return "";
        }
        log.warn("Push {}: {}", request.id(), message);
        events.publish(PushEvent.request(request.tenantId(), request.id(), PushStatus.FAILED, 0, null));
        endings.ended(request.tenantId(), request.id());
        return request.tenantId() + "/" + request.id() + ": failed (" + message + ")";
    }

    /** The JobRunr state of each job, read from JobRunr's own storage in one query. */
    private Map<UUID, String> jobStates(List<Unfinished> requests) {
        String[] ids = requests.stream().map(Unfinished::jobId).filter(java.util.Objects::nonNull)
                .map(UUID::toString).toArray(String[]::new);
        Map<UUID, String> states = new HashMap<>();
        if (ids.length > 0) {
            jobStorage.query("select id, state from " + JobRunrJobs.TABLE + " where id = any (?)", rs -> {
                states.put(UUID.fromString(rs.getString("id").strip()), rs.getString("state"));
            }, (Object) ids);
        }
        return states;
    }
}
