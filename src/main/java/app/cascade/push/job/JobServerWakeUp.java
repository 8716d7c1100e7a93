package app.cascade.push.job;

import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import app.cascade.push.PushStatus;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.jobrunr.storage.JobNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts a push that is due now at once, instead of at JobRunr's next poll
 * ({@code docs/decisions/0016-run-now-starts-at-once.md}). JobRunr's job server takes new work at two moments: its
 * poll (every poll interval, 5 s at the least) and whenever one of its workers becomes free. This runs the second on
 * purpose: on this node right after a job that is due now was created here ({@link #jobEnqueued}), and on every node
 * when a request's {@code QUEUED} event arrives (over LISTEN/NOTIFY), so that a node with a free worker takes the job
 * even when the node that created it is busy or stopping.
 * <p>
 * JobRunr still claims the job itself, as at a poll ({@code SELECT ... FOR UPDATE SKIP LOCKED}, then a save that
 * checks the job's version), so every push is one JobRunr job that runs on one node, once. A wake-up on a node without
 * a free worker reads nothing; one that finds no job changes nothing; if it fails, the poll takes the job as before.
 */
@Component
public class JobServerWakeUp implements DisposableBean {

    /** The thread that wakes the job server (JobRunr claims jobs on the thread that asks for work). */
    public static final String THREAD = "cascade-job-wake-up";
    /** How often this node asks again for a job it created that is still waiting while it has a free worker. */
    private static final int TRIES = 3;
    private static final Duration BETWEEN_TRIES = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(JobServerWakeUp.class);

    private final ObjectProvider<BackgroundJobServer> server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name(THREAD).factory());
    /** A wake-up for another node's job is waiting to run: more events meanwhile need no second one. */
    private final AtomicBoolean eventWakeUpPending = new AtomicBoolean();
    private final AutoCloseable subscription;

    public JobServerWakeUp(ObjectProvider<BackgroundJobServer> server, PushEvents events) {
        this.server = server;
        this.subscription = events.subscribe(this::onEvent);
    }

    /**
     * A job that is due now was created on this node: its job server takes it now if it has a free worker. Returns at
     * once. If JobRunr was taking work at that very moment (a poll, or a worker that just became free) and read the
     * jobs before this one was saved, the next try takes it.
     */
    public void jobEnqueued(UUID jobId) {
        submit(() -> {
            for (int attempt = 1; attempt <= TRIES; attempt++) {
                BackgroundJobServer jobs = takeWork();
                if (jobs == null || !stillWaiting(jobs, jobId) || attempt == TRIES) {
                    return;
                }
                Thread.sleep(BETWEEN_TRIES);
            }
        });
    }

    /** Any node's request is queued (also this node's): take it if this node has a free worker. */
    private void onEvent(PushEvent event) {
        if (PushEvent.REQUEST.equals(event.kind()) && PushStatus.QUEUED.name().equals(event.status())
                && eventWakeUpPending.compareAndSet(false, true)) {
            submit(() -> {
                eventWakeUpPending.set(false);
                takeWork();
            });
        }
    }

    /**
     * Has the job steward look for enqueued jobs now, as JobRunr does when one of its workers becomes free: the
     * steward's {@code notifyThreadIdle} runs its onboarding of new work (a query only if a worker is free), and the
     * {@code notifyThreadOccupied} before it keeps its count of busy workers unchanged.
     *
     * @return the job server, or null if this node has none running
     */
    private BackgroundJobServer takeWork() {
        BackgroundJobServer jobs = server.getIfAvailable();
        if (jobs == null || !jobs.isRunning()) {
            return null;
        }
        JobSteward steward = jobs.getJobSteward();
        steward.notifyThreadOccupied();
        steward.notifyThreadIdle();
        return jobs;
    }

    private static boolean stillWaiting(BackgroundJobServer jobs, UUID jobId) {
        try {
            return jobs.getWorkDistributionStrategy().getWorkPageRequest().getLimit() > 0
                    && jobs.getStorageProvider().getJobById(jobId).hasState(StateName.ENQUEUED);
        } catch (JobNotFoundException cancelledMeanwhile) {
            return false;
        }
    }

    private void submit(WakeUp wakeUp) {
        try {
            thread.execute(() -> {
                try {
                    wakeUp.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("Could not wake the job server; it takes the job at its next poll", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            log.debug("Not waking the job server: the application is stopping");
        }
    }

    @Override
    public void destroy() throws Exception {
        subscription.close();
        thread.shutdownNow();
    }

    @FunctionalInterface
    private interface WakeUp {
        void run() throws InterruptedException;
    }
}
