package app.cascade.push;

import app.cascade.push.internal.IdempotencyKeys;
import app.cascade.push.internal.PushAdmission;
import app.cascade.push.internal.PushRequestResults;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.UndoRequests;
import app.cascade.push.job.HeldRequests;
import app.cascade.push.job.PushJobScheduler;
import app.cascade.security.CurrentUser;
import app.cascade.security.CurrentUserService;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.DistrictEnabled;
import app.cascade.tenancy.DistrictSettings;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Push requests as background jobs: Run Now and Submit to Batch (with an optional idempotency key), the batch queue
 * list and the API's filtered list, cancel and restart. What platform support may do to a request is in
 * {@link PushSupportService}.
 * <p>
 * A request is stored and committed first; only then, with its connection back in the pool, is its JobRunr job
 * created (through JobRunr's own pool). So the methods that create or delete jobs run their transaction themselves
 * (a {@link TransactionTemplate}) instead of {@code @Transactional}, and refuse to be called inside a transaction:
 * nothing here holds a connection while it waits for another one (decision 0015). If the job cannot be created, the
 * request stays stored and the reconciler gives it one within a minute.
 */
@Service
public class PushRequestService {

    /** A scheduled time this far in the past is taken as "now" (a slow form submit), beyond it as a mistake. */
    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);
    /** How far ahead a request may be scheduled. */
    private static final Period MAX_AHEAD = Period.ofYears(1);
    /** The batch queue list's window must lie within these instants (inclusive). */
    private static final Instant QUERY_WINDOW_START = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant QUERY_WINDOW_END = Instant.parse("2100-01-01T00:00:00Z");

    private final PushService pushes;
    private final PushRequestStore store;
    private final PushJobScheduler jobs;
    private final PushAdmission admission;
    private final CurrentUserService users;
    private final CurrentTenant currentTenant;
    private final DistrictSettings settings;
    private final PushEvents events;
    private final TransactionTemplate tx;
    private final TenantRegistry registry;
    private final PushRequestResults results;
    private final IdempotencyKeys keys;
    private final UndoRequests undos;
    private final PushUndoService undoService;
    private final HeldRequests held;

    public PushRequestService(TenantRegistry registry, PushService pushes, PushRequestStore store,
                              PushJobScheduler jobs, PushAdmission admission, CurrentUserService users,
                              CurrentTenant currentTenant, DistrictSettings settings, PushEvents events,
                              PlatformTransactionManager transactions, PushRequestResults results,
                              IdempotencyKeys keys, UndoRequests undos, PushUndoService undoService,
                              HeldRequests held) {
        this.held = held;
        this.registry = registry;
        this.pushes = pushes;
        this.store = store;
        this.jobs = jobs;
        this.admission = admission;
        this.users = users;
        this.currentTenant = currentTenant;
        this.settings = settings;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.results = results;
        this.keys = keys;
        this.undos = undos;
        this.undoService = undoService;
    }

    /**
     * Stores a request and, after its commit, schedules its job. A saturated node stores nothing and answers
     * {@link PushBusyException}.
     *
     * @param scheduledAt null for Run Now; else Submit to Batch at that instant
     */
    @PreAuthorize("hasRole('PUSH_ADMIN')")
    public UUID submit(PushCommand command, Instant scheduledAt) {
        requireNoTransaction();
        return admission.admit(() -> {
            Tenant tenant = switchedOn(currentTenant.require());
            Submitted submitted = tx.execute(s -> store(command, scheduledAt));
            jobs.enqueueOrLeaveToReconciler(tenant, submitted.id(), submitted.at());
            return submitted.id();
        });
    }

    private record Submitted(UUID id, Instant at) {
    }

    /**
     * {@link #submit(PushCommand, Instant)} made safe to retry with an Idempotency-Key (null: none). The key is
     * recorded with the request, in its transaction; within {@link IdempotencyKeys#KEPT_FOR}, the same key for the
     * same push (command and scheduled time) answers the first request and stores nothing, and for another push is
     * refused ({@link IdempotencyKeyReusedException}). Two submissions with one key at once store one request: the
     * second waits for the first's commit, then answers its request. Keys are per district; expired ones are deleted
     * by the next submission with a key.
     */
    @PreAuthorize("hasRole('PUSH_ADMIN')")
    public PushSubmission submit(PushCommand command, Instant scheduledAt, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new PushSubmission(submit(command, scheduledAt), false);
        }
        requireNoTransaction();
        String fingerprint = IdempotencyKeys.fingerprint(command, scheduledAt);
        return admission.admit(() -> {
            Tenant tenant = switchedOn(currentTenant.require());
            Keyed keyed = tx.execute(s -> {
                keys.forgetExpired(idempotencyKey);
                Optional<IdempotencyKeys.Used> used = keys.find(idempotencyKey);
                if (used.isPresent()) {
                    return replay(used.get(), fingerprint);
                }
                Submitted submitted = store(command, scheduledAt);
                if (keys.claim(idempotencyKey, fingerprint, submitted.id())) {
                    return new Keyed(submitted, false);
                }
                s.setRollbackOnly(); // a submission with this key committed first: this one stores nothing
                return replay(keys.find(idempotencyKey).orElseThrow(), fingerprint);
            });
            if (!keyed.replayed()) {
                jobs.enqueueOrLeaveToReconciler(tenant, keyed.submitted().id(), keyed.submitted().at());
            }
            return new PushSubmission(keyed.submitted().id(), keyed.replayed());
        });
    }

    private record Keyed(Submitted submitted, boolean replayed) {
    }

    private static Keyed replay(IdempotencyKeys.Used used, String fingerprint) {
        if (!used.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return new Keyed(new Submitted(used.requestId(), null), true);
    }

    private Submitted store(PushCommand command, Instant scheduledAt) {
        pushes.validate(command);
        Instant now = Instant.now();
        checkScheduledAt(scheduledAt, now, currentTenant.require().timeZone());
        Instant at = scheduledAt == null || scheduledAt.isBefore(now) ? now : scheduledAt;
        PushStatus status = at.isAfter(now.plusSeconds(1)) ? PushStatus.SCHEDULED : PushStatus.QUEUED;
        CurrentUser user = users.current().orElseThrow();
        UUID id = store.create(command, user.username(), user.displayName(), status, at);
        store.setSubmitterEmail(id, users.email().orElse(null));
        return new Submitted(id, at);
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<PushRequestSummary> queue(Instant from, Instant to, int limit) {
        checkInQueryWindow("from", from);
        checkInQueryWindow("to", to);
        if (!from.isBefore(to)) {
            throw new PushValidationException("from", "The window must start before it ends");
        }
        return store.queue(from, to, Math.clamp(limit, 1, 500));
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public PushRequestSummary summary(UUID id) {
        return store.summary(id).orElseThrow(() -> new PushNotFoundException(id));
    }

    /** A request with its results (one grouped query), as the API shows it. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public PushRequestDetails details(UUID id) {
        return withResults(List.of(store.summary(id).orElseThrow(() -> new PushNotFoundException(id)))).getFirst();
    }

    /**
     * The API's list: the district's requests matching the query, newest scheduled first, then by id; a page and its
     * results in two queries. Without {@code from} and {@code to} there is no window: every request of the district.
     */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<PushRequestDetails> list(PushListQuery query) {
        if (query.from() != null) {
            checkInQueryWindow("from", query.from());
        }
        if (query.to() != null) {
            checkInQueryWindow("to", query.to());
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new PushValidationException("from", "The window must start before it ends");
        }
        return withResults(store.list(query));
    }

    /** The requests with their results and whether each may be undone: three queries for the page. */
    private List<PushRequestDetails> withResults(List<PushRequestSummary> requests) {
        List<UUID> ids = requests.stream().map(PushRequestSummary::id).toList();
        Map<UUID, PushRequestResults.Counted> counted = results.of(ids);
        Set<UUID> undoable = undos.undoable(ids);
        return requests.stream().map(r -> {
            PushRequestResults.Counted c = counted.getOrDefault(r.id(), PushRequestResults.Counted.NOTHING);
            return new PushRequestDetails(r, c.results(), c.hasReportRows(), undoable.contains(r.id()));
        }).toList();
    }

    /** Whether requests of the current district are waiting because Batch Reporting is off. */
    @PreAuthorize("hasRole('VIEWER')")
    public boolean batchReportingOn() {
        return settings.batchReporting(currentTenant.require().id());
    }

    /**
     * Cancels a scheduled or queued request; its job is deleted after the commit. A queued request may have been about
     * to take one of its district's running slots, so a held request may get it ({@link HeldRequests}).
     */
    @PreAuthorize("hasRole('PUSH_ADMIN')")
    public void cancel(UUID id) {
        requireNoTransaction();
        String tenantId = currentTenant.require().id();
        UUID jobId = tx.execute(s -> {
            PushRequestView request = store.find(id).orElseThrow(() -> new PushNotFoundException(id));
            if (!store.cancel(id)) {
                throw new PushStateException("Only a scheduled or queued request can be cancelled; this one is "
                        + request.status());
            }
            return store.jobId(id).orElse(null);
        });
        jobs.delete(jobId);
        events.publish(PushEvent.request(tenantId, id, PushStatus.CANCELLED, 0, null));
        held.release(tenantId);
    }

    /**
     * What {@link #restart} would do with a cancelled or failed request: when it would run, and whether it must be
     * confirmed as an Overwrite of a school year that has started (decision 0019).
     */
    @PreAuthorize("hasRole('PUSH_ADMIN')")
    @Transactional(readOnly = true)
    public PushRestart restartPlan(UUID id) {
        PushRequestView request = store.find(id).orElseThrow(() -> new PushNotFoundException(id));
        if (request.status() != PushStatus.CANCELLED && request.status() != PushStatus.FAILED) {
            throw new PushStateException("Only a cancelled or failed request can be restarted; this one is "
                    + request.status());
        }
        if (request.kind() == PushKind.UNDO) {
            // runs again as itself, now, and overwrites nothing it was not asked to (decision 0024)
            return new PushRestart(store.summary(id).orElseThrow(), null, false);
        }
        Instant now = Instant.now();
        Instant runAt = request.scheduledAt().isAfter(now) ? request.scheduledAt() : null;
        boolean asksFirst = store.yearStart(request.schoolYearId())
                .map(start -> OverwriteCheck.asksFirst(request.mode(), start, currentTenant.require().timeZone()))
                .orElse(false);
        return new PushRestart(store.summary(id).orElseThrow(), runAt, asksFirst);
    }

    /**
     * A cancelled or failed request runs again as a new request with the same settings and the same schedule: at
     * its scheduled time while that is still ahead, else now. Restarting an Overwrite of a school year that has
     * started is refused unless {@code overwriteConfirmed}, as the push forms ask before a new one (decision 0019).
     * An undo runs again as itself, now ({@link PushUndoService#restart}, decision 0024).
     *
     * @return the new request's id; an undo's own id
     */
    @PreAuthorize("hasRole('PUSH_ADMIN')")
    public UUID restart(UUID id, boolean overwriteConfirmed) {
        requireNoTransaction();
        PushRestart plan = tx.execute(s -> restartPlan(id));
        if (plan.request().kind() == PushKind.UNDO) {
            return undoService.restart(id);
        }
        if (plan.overwriteAsksFirst() && !overwriteConfirmed) {
            throw new PushValidationException("confirmOverwrite", "This request overwrites the course and section"
                    + " data of " + plan.request().schoolYear() + ", a school year that has started: confirm the"
                    + " Overwrite to restart it");
        }
        PushCommand command = tx.execute(s -> store.find(id)).orElseThrow(() -> new PushNotFoundException(id))
                .command();
        return submit(command, plan.runAt());
    }

    /** Batch Reporting was turned on: the district's held requests run now, as far as its slots go. */
    @EventListener
    public void onBatchReportingEnabled(DistrictSettings.BatchReportingEnabled event) {
        held.release(event.tenantId());
    }

    /** The district was switched on (or added): its held requests run now, as far as its slots go. */
    @EventListener
    public void onDistrictEnabled(DistrictEnabled event) {
        held.release(event.tenantId());
    }

    /**
     * A switched-off district ({@code enabled: false}) takes no new push, undo or restart, whoever asks (its users cannot sign in, but
     * an API token or a script may still call); the requests it already had wait until it is switched on.
     */
    static Tenant switchedOn(Tenant tenant) {
        if (!tenant.enabled()) {
            throw new PushStateException(tenant.displayName() + " is switched off in Cascade: it takes no push until"
                    + " it is switched on again");
        }
        return tenant;
    }

    static void requireNoTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Push requests are submitted, cancelled, restarted, retried and cancelled"
                    + " by support outside any transaction: their jobs are created and deleted after their own commit");
        }
    }

    /**
     * Submit to Batch: from now (less {@link #PAST_TOLERANCE}) to a year ahead; null is Run Now. The messages give
     * the times in the district's time zone, as the user chose them.
     */
    private static void checkScheduledAt(Instant scheduledAt, Instant now, ZoneId zone) {
        if (scheduledAt == null) {
            return;
        }
        if (scheduledAt.isBefore(now.minus(PAST_TOLERANCE))) {
            throw new PushValidationException("scheduledAt", "The scheduled time "
                    + DistrictTime.format(scheduledAt, zone) + " is in the past; choose a time from now on");
        }
        Instant latest = now.atOffset(ZoneOffset.UTC).plus(MAX_AHEAD).toInstant();
        if (scheduledAt.isAfter(latest)) {
            throw new PushValidationException("scheduledAt", "The scheduled time "
                    + DistrictTime.format(scheduledAt, zone) + " is more than a year ahead; choose a time before "
                    + DistrictTime.format(latest, zone));
        }
    }

    private static void checkInQueryWindow(String parameter, Instant value) {
        if (value.isBefore(QUERY_WINDOW_START) || value.isAfter(QUERY_WINDOW_END)) {
            throw new PushValidationException(parameter, "'" + value + "' is outside the window the queue can be "
                    + "listed for; choose an instant from " + QUERY_WINDOW_START + " to " + QUERY_WINDOW_END);
        }
    }
}
