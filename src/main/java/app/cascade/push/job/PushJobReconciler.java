package app.cascade.push.job;

import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import app.cascade.push.PushStatus;
import app.cascade.push.internal.JobRunrJobs;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.UnfinishedRequests;
import app.cascade.push.internal.UnfinishedRequests.Unfinished;
import app.cascade.tenancy.Tenant;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Heals push requests that lost their job: at start and every minute, on one node at a time (a
 * {@link MaintenanceLease}), it finds the districts' requests that are scheduled, queued or running without a
 * live JobRunr job (none was created, it was deleted, or it ended while the request did not) and enqueues them again,
 * at their scheduled time; the push resumes with the courses not yet committed. A request whose job JobRunr gave up
 * on, or that lost its job more often than a push is retried, is failed with a message saying why. Requests of a
 * district whose Batch Reporting is off, or that is switched off, wait by design and are left alone. Held requests
 * (decision 0025) are started by the one rule that starts them ({@link HeldRequests}): as many as their district has
 * free slots, so a district at its cap is not churned, and one whose pushes ended without handing their slot on (a
 * node died) is healed.
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
    private final HeldRequests held;

    public PushJobReconciler(UnfinishedRequests unfinished, PushRequestStore store, PushJobScheduler jobs,
                             PushEvents events, PushEndings endings, TenantRegistry registry, HeldRequests held,
                             MaintenanceLease lease, @Qualifier(JobRunrPool.BEAN) DataSource jobStorage,
                             PlatformTransactionManager transactions,
                             @Value("${cascade.push.reconciler.grace:60s}") Duration grace,
                             @Value("${cascade.push.reconciler.every:60s}") Duration every) {
        this.unfinished = unfinished;
        this.held = held;
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
        List<String> done = new ArrayList<>();
        Set<String> holding = new LinkedHashSet<>();
        for (Unfinished request : candidates) {
            String jobState = states.get(request.jobId());
            if (jobState != null && JobRunrJobs.LIVE.contains(jobState)) {
                continue;
            }
            if (request.held()) {
                holding.add(request.tenantId());
                continue;
            }
            String action = heal(request, jobState);
            if (!action.isEmpty()) {
                done.add(action);
            }
        }
        holding.forEach(tenantId -> held.release(tenantId).forEach(id -> {
            log.warn("Push {} of {} was held with a free slot in its district: it gets a job", id, tenantId);
            done.add(tenantId + "/" + id + ": given a job (it was held, and its district has a free slot)");
        }));
        return done;
    }

    private String heal(Unfinished request, String jobState) {
        if (request.status() != PushStatus.RUNNING && (!request.batchReporting()
                || !registry.find(request.tenantId()).map(Tenant::enabled).orElse(false))) {
            return ""; // waits for Batch Reporting or for its district to be switched on; that enqueues it
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
