package app.cascade.push;

import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.UndoRequests;
import app.cascade.push.job.PushJob;
import app.cascade.security.CurrentUser;
import app.cascade.security.CurrentUserService;
import app.cascade.tenancy.CurrentTenant;
import org.jobrunr.jobs.context.JobContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a push in the test's thread through the path production takes: the request is validated and stored as
 * {@link PushRequestService#submit} stores a Run Now (by the signed-in user, QUEUED now), then its job
 * ({@link PushJob}) runs it, as a JobRunr worker would, minus the queue. In the signed-in user's district.
 */
public final class PushRuns {

    private final ApplicationContext context;

    private PushRuns(ApplicationContext context) {
        this.context = context;
    }

    public static PushRuns of(ApplicationContext context) {
        return new PushRuns(context);
    }

    /** Stores and runs the push; returns its request id. A run that fails throws, as the job does. */
    public UUID run(PushCommand command) {
        return measure(command).requestId();
    }

    /**
     * Stores and runs the push; returns what its run measured ({@link PushMeasured}), or, for a run that did not get
     * to its end (the district's Batch Reporting off), a measure with the request id and nothing else.
     */
    public PushMeasured measure(PushCommand command) {
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        CurrentUserService users = context.getBean(CurrentUserService.class);
        String district = context.getBean(CurrentTenant.class).require().id();
        UUID id = tx.execute(s -> {
            context.getBean(PushService.class).validate(command);
            CurrentUser user = users.current().orElse(null);
            return context.getBean(PushRequestStore.class).create(command,
                    user == null ? "system" : user.username(), user == null ? null : user.displayName(),
                    PushStatus.QUEUED, Instant.now());
        });
        PushMeasured measured = measuring(context, id,
                () -> context.getBean(PushJob.class).run(district, id, JobContext.Null));
        return measured != null ? measured : new PushMeasured(district, id, null, 0, 0, Map.of());
    }

    /**
     * Stores the undo of push {@code pushId} as {@link PushUndoService#undo} stores it (refused the same way, by
     * the signed-in user, QUEUED now), then runs its job in this thread; returns the undo request's id.
     */
    public UUID undo(UUID pushId) {
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        CurrentUser user = context.getBean(CurrentUserService.class).current().orElseThrow();
        String district = context.getBean(CurrentTenant.class).require().id();
        UndoRequests undos = context.getBean(UndoRequests.class);
        UUID id = tx.execute(s -> undos.create(undos.requireUndoable(pushId), user.username(), user.displayName(),
                PushStatus.QUEUED));
        context.getBean(PushJob.class).run(district, id, JobContext.Null);
        return id;
    }

    /**
     * Runs {@code run} and returns what the run of request {@code id} it makes in this thread published
     * ({@link PushMeasured}); null when that run did not get to its end.
     */
    public static PushMeasured measuring(ApplicationContext context, UUID id, Runnable run) {
        AtomicReference<PushMeasured> measured = new AtomicReference<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof PushMeasured m
                    && m.requestId().equals(id)) {
                measured.set(m);
            }
        };
        ApplicationEventMulticaster multicaster = context.getBean(
                AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class);
        multicaster.addApplicationListener(listener);
        try {
            run.run();
        } finally {
            multicaster.removeApplicationListener(listener);
        }
        return measured.get();
    }
}
