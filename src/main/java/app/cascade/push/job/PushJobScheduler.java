package app.cascade.push.job;

import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import app.cascade.push.PushKind;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.jobrunr.scheduling.JobBuilder.aJob;

/**
 * Creates the JobRunr job of a stored request, named so that support staff can read it. The one place a request
 * gets its job: on submit, when Batch Reporting is turned on, and when the reconciler finds a request without one.
 * A job due now is created enqueued and this node's job server is woken to take it at once (a Run Now starts in
 * well under a second instead of at JobRunr's next poll, {@code docs/decisions/0016-run-now-starts-at-once.md});
 * a later one is scheduled, and JobRunr enqueues it at its time.
 */
@Component
public class PushJobScheduler {

    private static final Logger log = LoggerFactory.getLogger(PushJobScheduler.class);

    private final JobScheduler jobs;
    private final PushRequestStore store;
    private final PushEvents events;
    private final TransactionTemplate tx;
    private final JobServerWakeUp wakeUp;

    public PushJobScheduler(JobScheduler jobs, PushRequestStore store, PushEvents events,
                            PlatformTransactionManager transactions, JobServerWakeUp wakeUp) {
        this.jobs = jobs;
        this.store = store;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.wakeUp = wakeUp;
    }

    /**
     * {@link #enqueue}, for a request just committed by a service: a failure here loses nothing, because the request
     * is stored and the reconciler ({@code PushJobReconciler}) gives a request without a live job one within a minute.
     */
    public void enqueueOrLeaveToReconciler(Tenant tenant, UUID requestId, Instant at) {
        try {
            enqueue(tenant, requestId, at);
        } catch (RuntimeException e) {
            log.warn("Push {} of {} is stored, but its job could not be created now; the reconciler will create it",
                    requestId, tenant.id(), e);
        }
    }

    /**
     * Gives a committed request a new job that runs at {@code at}, and records the job on the request; a job due now
     * starts at once. Never inside a transaction: the job is written through JobRunr's own pool, and no connection of
     * the main pool is held while it waits for one ({@code docs/decisions/0015-connection-pools-under-bursts.md}).
     *
     * @return the new job's id, or empty if the request is gone
     */
    public Optional<UUID> enqueue(Tenant tenant, UUID requestId, Instant at) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A push job is created after its request's transaction, never inside one");
        }
        return TenantContext.call(tenant.id(), () -> {
            Optional<PushRequestSummary> summary = tx.execute(s -> store.summary(requestId));
            if (summary.isEmpty()) {
                return Optional.<UUID>empty();
            }
            boolean dueNow = !at.isAfter(Instant.now());
            UUID jobId = schedule(tenant, summary.get(), dueNow ? null : at);
            tx.executeWithoutResult(s -> store.setJob(requestId, jobId));
            // the screens' status event; a QUEUED one also wakes the other nodes' job servers (JobServerWakeUp)
            events.publish(PushEvent.request(tenant.id(), requestId, summary.get().status(), 0, null));
            if (dueNow) {
                wakeUp.jobEnqueued(jobId);
            }
            return Optional.of(jobId);
        });
    }

    /**
     * @param at null for a job due now (created enqueued), else the time it is scheduled at
     * @return the JobRunr job id (new for every call, so a request can be enqueued again after waiting)
     */
    UUID schedule(Tenant tenant, PushRequestSummary request, Instant at) {
        UUID jobId = UUID.randomUUID();
        String tenantId = tenant.id();
        UUID requestId = request.id();
        JobBuilder job = aJob()
                .withId(jobId)
                .withName(name(tenant, request))
                .withAmountOfRetries(PushJob.RETRIES)
                .withLabels("district:" + tenantId)
                .<PushJob>withJobLambda(push -> push.run(tenantId, requestId, JobContext.Null));
        jobs.create(at == null ? job : job.scheduleAt(at));
        return jobId;
    }

    public void delete(UUID jobId) {
        if (jobId != null) {
            jobs.delete(jobId, "push request cancelled");
        }
    }

    static String name(Tenant tenant, PushRequestSummary r) {
        String tool = r.kind() == PushKind.CATALOG ? "Push All Course Masters"
                : r.kind() == PushKind.MASTER ? "Push to Courses " + r.master()
                : r.kind() == PushKind.UNDO ? "Undo" : "Push All Courses";
        String catalog = r.catalog() == null ? "" : " · " + r.catalog();
        return tenant.displayName() + " · " + tool + catalog + " · " + r.schoolYear() + " · " + r.mode().label()
                + (r.toSections() ? " + sections" : "");
    }
}
