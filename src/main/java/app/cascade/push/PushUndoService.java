package app.cascade.push;

import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.CourseOutcome;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.internal.ChunkPlanner;
import app.cascade.push.internal.ChunkSettings;
import app.cascade.push.internal.PushAdmission;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.UndoChunkPlanner;
import app.cascade.push.internal.UndoRequests;
import app.cascade.push.job.PushJobScheduler;
import app.cascade.security.CurrentUser;
import app.cascade.security.CurrentUserService;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.Tenant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Undo of a finished push (issue 18): its preview and the request of kind UNDO that runs through the same job,
 * executor and report as a push. Which pushes may be undone, and why not, is {@link UndoRequests}'s rule.
 */
@Service
public class PushUndoService {

    private final PushRequestStore store;
    private final PushJobScheduler jobs;
    private final PushAdmission admission;
    private final CurrentUserService users;
    private final CurrentTenant currentTenant;
    private final TransactionTemplate tx;
    private final UndoRequests undos;
    private final UndoChunkPlanner undoPlanner;
    private final ChunkSettings chunks;

    public PushUndoService(PushRequestStore store, PushJobScheduler jobs, PushAdmission admission,
                           CurrentUserService users, CurrentTenant currentTenant,
                           PlatformTransactionManager transactions, UndoRequests undos, UndoChunkPlanner undoPlanner,
                           ChunkSettings chunks) {
        this.store = store;
        this.jobs = jobs;
        this.admission = admission;
        this.users = users;
        this.currentTenant = currentTenant;
        this.tx = new TransactionTemplate(transactions);
        this.undos = undos;
        this.undoPlanner = undoPlanner;
        this.chunks = chunks;
    }

    /**
     * Undoes a finished push (issue 18): stores a request of kind UNDO that puts back every course the push changed,
     * unless it changed since, and after its commit schedules its job (the same job and executor as a push). Refused
     * ({@link PushStateException}, saying why) unless the push may be undone (see {@link #undoPreview}).
     *
     * @return the undo request's id
     */
    @PreAuthorize("hasRole('PUSH_ADMIN')")
    public UUID undo(UUID pushId) {
        PushRequestService.requireNoTransaction();
        return admission.admit(() -> {
            Tenant tenant = PushRequestService.switchedOn(currentTenant.require());
            UUID id;
            try {
                id = tx.execute(s -> {
                    PushRequestView push = undos.requireUndoable(pushId);
                    CurrentUser user = users.current().orElseThrow();
                    UUID undo = undos.create(push, user.username(), user.displayName(), PushStatus.QUEUED);
                    store.setSubmitterEmail(undo, users.email().orElse(null));
                    return undo;
                });
            } catch (DuplicateKeyException e) { // an undo of the same push committed meanwhile
                id = null;
            }
            if (id == null) {
                throw tx.execute(s -> undos.refusal(pushId));
            }
            jobs.enqueueOrLeaveToReconciler(tenant, id, Instant.now());
            return id;
        });
    }

    /**
     * Runs a failed or cancelled undo again as itself (decision 0024): the same request, QUEUED now, resumes with the
     * courses it had not committed; those it restored stay restored, with their report rows. Refused
     * ({@link PushStateException}, saying why) for an undo in any other status, or once the push's changes are
     * purged. {@link PushRequestService#restart} calls it for a request of kind UNDO.
     *
     * @return the undo request's id, unchanged
     */
    @PreAuthorize("hasRole('PUSH_ADMIN')")
    public UUID restart(UUID undoId) {
        PushRequestService.requireNoTransaction();
        return admission.admit(() -> {
            Tenant tenant = PushRequestService.switchedOn(currentTenant.require());
            tx.executeWithoutResult(s -> undos.requeue(undoId));
            jobs.enqueueOrLeaveToReconciler(tenant, undoId, Instant.now());
            return undoId;
        });
    }

    /**
     * The dry run of {@link #undo}: the courses it will put back, with what it will re-create, restore or delete in
     * each, and the courses it will not touch with their reason; planned as the undo plans, nothing written. The same
     * refusals as the undo.
     */
    @PreAuthorize("hasRole('PUSH_ADMIN')")
    @Transactional(readOnly = true)
    public UndoPreview undoPreview(UUID pushId) {
        undos.requireUndoable(pushId);
        List<UndoPreview.Restore> restores = new ArrayList<>();
        List<UndoPreview.Untouched> untouched = new ArrayList<>();
        for (List<Long> chunk : chunks.cut(undos.courses(pushId))) {
            ChunkPlanner.PlannedChunk planned = undoPlanner.preview(pushId, chunk);
            for (CoursePlan plan : planned.plans()) {
                CourseInput course = planned.course(plan.courseId());
                if (plan.outcome() == CourseOutcome.SKIPPED) {
                    untouched.add(UndoPreview.untouched(course, plan));
                } else {
                    restores.add(UndoPreview.restore(course, plan));
                }
            }
        }
        return new UndoPreview(pushId, restores, untouched);
    }

    /**
     * Which of the requests may be undone now (the Batch Queue List's Undo buttons of a page), in one query; a
     * request not of the district is simply not among them. Readable by a viewer, as the API's {@code links.undo}
     * (and a screen refreshed live whatever the thread's user); only a push admin may undo.
     */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public Set<UUID> undoable(Collection<UUID> requestIds) {
        return undos.undoable(requestIds);
    }
}
