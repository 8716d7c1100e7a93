package app.cascade.push;

import app.cascade.push.internal.PushRequestAudit;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.PushRequestsNeedingAttention;
import app.cascade.push.internal.UndoRequests;
import app.cascade.push.job.HeldRequests;
import app.cascade.push.job.PushJobScheduler;
import app.cascade.security.CurrentUser;
import app.cascade.security.CurrentUserService;
import app.cascade.tenancy.DistrictSettings;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.DistrictReadiness;
import app.cascade.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What platform support may do to push requests (issue 14): list those needing attention over every district, retry
 * a failed one, cancel a stuck one. Support has no district of its own: each method takes the district explicitly
 * and binds it itself ({@link TenantContext}), reads and changes only the request's status, job and audit rows, and
 * records who, when and why. Never a grading row: support watches, it does not push.
 */
@Service
public class PushSupportService {

    private static final Logger log = LoggerFactory.getLogger(PushSupportService.class);

    private final TenantRegistry registry;
    private final DistrictReadiness readiness;
    private final PushService pushes;
    private final PushRequestStore store;
    private final PushJobScheduler jobs;
    private final CurrentUserService users;
    private final DistrictSettings settings;
    private final PushEvents events;
    private final TransactionTemplate tx;
    private final PushRequestAudit audit;
    private final PushRequestsNeedingAttention attention;
    private final UndoRequests undos;
    private final HeldRequests held;

    public PushSupportService(TenantRegistry registry, DistrictReadiness readiness, PushService pushes,
                              PushRequestStore store, PushJobScheduler jobs, CurrentUserService users, DistrictSettings settings,
                              PushEvents events, PlatformTransactionManager transactions, PushRequestAudit audit,
                              PushRequestsNeedingAttention attention, UndoRequests undos, HeldRequests held) {
        this.held = held;
        this.registry = registry;
        this.readiness = readiness;
        this.pushes = pushes;
        this.store = store;
        this.jobs = jobs;
        this.users = users;
        this.settings = settings;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.attention = attention;
        this.undos = undos;
    }

    /** Failed requests of the last days, and stuck ones, are listed for support. */
    private static final Duration FAILED_LISTED_FOR = Duration.ofDays(7);
    /** A request just stored gets its job a moment after its commit: it is not stuck before this much time. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    private static final int ATTENTION_LIMIT = 200;

    /**
     * The requests of every district that need support's attention: failed in the last 7 days and not retried yet,
     * or stuck (scheduled, queued or running with no job that JobRunr will still run). One query over all districts.
     */
    @PreAuthorize("hasRole('SUPPORT')")
    @Transactional(readOnly = true)
    public List<RequestNeedingAttention> needingAttention() {
        Instant now = Instant.now();
        return attention.find(readiness.ready(), now.minus(FAILED_LISTED_FOR), now.minus(STUCK_AFTER), ATTENTION_LIMIT);
    }

    /**
     * Runs a FAILED request again, as a new request with the same settings, submitted by the same district user (who
     * is notified when it ends); both requests show who retried it, when and why.
     * <p>
     * A new request rather than the failed one re-queued: a failed request has already dropped its master snapshot
     * (decision 0006), so resuming it would push its remaining courses from today's masters while its committed
     * courses got the masters as they were at its start — two versions of one master in one request. The new request
     * takes a fresh snapshot; the courses the failed one committed come out unchanged (a push is idempotent, and their
     * memos skip them). It runs now, or waits like any request while the district's Batch Reporting is off.
     * <p>
     * An undo is the exception: it runs again as itself (decision 0024; it has no master snapshot, and a second undo
     * of the same push would take the courses the first restored for courses changed since the push).
     * <p>
     * Called outside any transaction: the job is created after the commit, with no connection held.
     *
     * @return the new request's id; an undo's own id
     */
    @PreAuthorize("hasRole('SUPPORT')")
    public UUID retryFailed(String districtId, UUID requestId, String reason) {
        SupportCall call = supportCall(districtId, requestId, reason);
        UUID retry = TenantContext.call(districtId, () -> tx.execute(s -> {
            PushRequestView failed = locked(requestId);
            if (failed.status() != PushStatus.FAILED) {
                throw new PushStateException("Only a failed request can be retried; this one is " + failed.status());
            }
            audit.retriedAs(requestId).ifPresent(earlier -> {
                throw new PushStateException("This request was already retried, as request " + earlier);
            });
            if (failed.kind() == PushKind.UNDO) { // an undo runs again as itself (decision 0024)
                undos.requeue(requestId);
                audit.record(requestId, PushRequestAction.Kind.RETRIED, call.actor(), call.actorName(),
                        call.reason(), requestId);
                return requestId;
            }
            pushes.validate(failed.command());
            UUID id = store.create(failed.command(), failed.submittedBy(),
                    store.submitterName(requestId).orElse(null), PushStatus.QUEUED, Instant.now());
            audit.copySubmitterEmail(requestId, id);
            audit.record(requestId, PushRequestAction.Kind.RETRIED, call.actor(), call.actorName(), call.reason(), id);
            audit.record(id, PushRequestAction.Kind.RETRY_OF, call.actor(), call.actorName(), call.reason(),
                    requestId);
            return id;
        }));
        log.info("Support {} retried push request {} of district {} as request {}: {}", call.actor(), requestId,
                districtId, retry, call.reason());
        events.publish(PushEvent.request(districtId, requestId, retry.equals(requestId) ? PushStatus.QUEUED
                : PushStatus.FAILED, 0, null));
        jobs.enqueueOrLeaveToReconciler(call.tenant(), retry, Instant.now());
        return retry;
    }

    /**
     * Cancels a stuck request: SCHEDULED, QUEUED or RUNNING with no job that JobRunr will still run (none recorded,
     * deleted, or ended). A request whose job is live — running now, enqueued, scheduled or awaiting a retry — is
     * refused, and so is a queued request that waits for its district's Batch Reporting (it runs once it is on).
     */
    @PreAuthorize("hasRole('SUPPORT')")
    public void cancelStuck(String districtId, UUID requestId, String reason) {
        SupportCall call = supportCall(districtId, requestId, reason);
        boolean waitsForBatchReporting = !settings.batchReporting(districtId);
        TenantContext.run(districtId, () -> tx.executeWithoutResult(s -> {
            PushRequestView request = locked(requestId);
            if (request.status().isFinal()) {
                throw new PushStateException("Only a scheduled, queued or running request can be stuck; this one is "
                        + request.status());
            }
            audit.liveJobState(requestId).ifPresent(state -> {
                throw new PushStateException("This request is not stuck: its job is " + state + " in JobRunr"
                        + (state.equals("PROCESSING") ? " (it is running now)" : " (it will run)"));
            });
            if (request.status() == PushStatus.QUEUED && waitsForBatchReporting) {
                throw new PushStateException("This request is not stuck: it waits for Batch Reporting to be turned"
                        + " on in its district, and runs then");
            }
            PushRequestAction action = audit.record(requestId, PushRequestAction.Kind.CANCELLED, call.actor(),
                    call.actorName(), call.reason(), null);
            if (!audit.cancelStuck(requestId, action.describe())) {
                throw new PushStateException("This request ended meanwhile; it is " + store.find(requestId)
                        .map(PushRequestView::status).orElseThrow());
            }
        }));
        log.info("Support {} cancelled stuck push request {} of district {}: {}", call.actor(), requestId, districtId,
                call.reason());
        events.publish(PushEvent.request(districtId, requestId, PushStatus.CANCELLED, 0, null));
        held.release(districtId); // a stuck RUNNING request held a running slot of its district (decision 0025)
    }

    /** Who acts, in which district, and why: checked before anything is read. */
    private record SupportCall(Tenant tenant, String actor, String actorName, String reason) {
    }

    private SupportCall supportCall(String districtId, UUID requestId, String reason) {
        PushRequestService.requireNoTransaction();
        if (requestId == null) {
            throw new PushValidationException("requestId", "Choose the request");
        }
        if (districtId == null || registry.find(districtId).isEmpty()) {
            throw new PushValidationException("districtId", "No district " + districtId);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new PushValidationException("reason", "Give the reason for this action: the district reads it");
        }
        int length = why.codePointCount(0, why.length());
        if (length > PushRequestAction.MAX_REASON) {
            throw new PushValidationException("reason", "The reason is " + length + " characters long; keep"
                    + " it within " + PushRequestAction.MAX_REASON);
        }
        if (why.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
            throw new PushValidationException("reason", "Write the reason as plain text on one line");
        }
        CurrentUser actor = users.current().orElseThrow();
        return new SupportCall(registry.require(districtId), actor.username(), actor.displayName(), why);
    }

    /** The request, its row locked until the transaction ends. */
    private PushRequestView locked(UUID requestId) {
        return store.findLocked(requestId).orElseThrow(() -> new PushNotFoundException(requestId));
    }
}
