package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.JobRunrJobs;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.job.PushJob;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jobrunr.scheduling.JobBuilder.aJob;

/**
 * Run Now starts at once, not at JobRunr's next poll (issue 15, {@code docs/decisions/0016-run-now-starts-at-once.md}).
 * <p>
 * Here JobRunr's poll interval is an hour: its job server looks for work once, a second after it starts, and then
 * not again for an hour. A push that completes within a minute of its submit was therefore started by the wake-up
 * (or by a worker of this node that had just become free), never by a poll. The minute is no timed assertion: a
 * push of this fixture takes well under a second, and without the wake-up it would wait the hour, so the only way
 * the await fails is the wake-up not working (or a machine stalled for a minute).
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "jobrunr.background-job-server.poll-interval-in-seconds=3600")
@DirtiesContext // an hour's poll interval is for this class only
class RunNowStartIT {

    /** Far below the poll interval (an hour), far above what the push takes (under a second). */
    private static final Duration LONG_BEFORE_THE_NEXT_POLL = Duration.ofSeconds(60);

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushRequestStore store;
    @Autowired
    PushEvents events;
    @Autowired
    JobScheduler jobScheduler;
    @Autowired
    JdbcTemplate jdbc;

    PushFixture f;
    final List<PushEvent> seen = new CopyOnWriteArrayList<>();
    AutoCloseable subscription;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        TestUsers.signIn(context, "alpha.push");
        subscription = events.subscribe(seen::add);
        // an idle node: no job of an earlier test is still waiting or running
        await().atMost(LONG_BEFORE_THE_NEXT_POLL).until(() -> jdbc.queryForObject("select count(*) from "
                + JobRunrJobs.TABLE + " where state in ('ENQUEUED', 'PROCESSING')", Integer.class) == 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        subscription.close();
        TestUsers.signOut();
    }

    private PushCommand command() {
        return PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true, EnumSet.allOf(LockType.class));
    }

    private PushRequestView request(UUID id) {
        return f.inAlpha(() -> store.find(id)).orElseThrow();
    }

    /** Attempts counted by the push job (one per JobRunr run of it). */
    private int attempts(UUID id) {
        return f.inAlpha(() -> jdbc.queryForObject("select attempts from push_request where id = ?", Integer.class,
                id));
    }

    /** The JobRunr jobs of a request (its id is an argument of the job), read from JobRunr's table. */
    private List<String> jobStates(UUID requestId) {
        return jdbc.queryForList("select state from " + JobRunrJobs.TABLE + " where jobasjson like ?", String.class,
                "%" + requestId + "%");
    }

    private long processingStates(UUID requestId) {
        String json = jdbc.queryForObject("select jobasjson from " + JobRunrJobs.TABLE + " where jobasjson like ?",
                String.class, "%" + requestId + "%");
        long n = 0;
        for (JsonNode state : JsonMapper.builder().build().readTree(json).path("jobHistory")) {
            if (state.path("@class").asString("").endsWith("ProcessingState")) {
                n++;
            }
        }
        return n;
    }

    /** The request's statuses as the screens received them, repeats of one status (progress events) folded. */
    private List<String> statusesSeen(UUID requestId) {
        List<String> statuses = new ArrayList<>();
        seen.stream().filter(e -> requestId.equals(e.requestId()) && PushEvent.REQUEST.equals(e.kind()))
                .map(PushEvent::status)
                .forEach(s -> {
                    if (statuses.isEmpty() || !statuses.getLast().equals(s)) {
                        statuses.add(s);
                    }
                });
        return statuses;
    }

    private void awaitSucceededJob(UUID requestId) {
        // JobRunr saves the job's SUCCEEDED state just after the push committed its final status
        await().atMost(LONG_BEFORE_THE_NEXT_POLL).until(() -> jobStates(requestId), s -> s.equals(List.of("SUCCEEDED")));
    }

    @Test
    void run_now_on_an_idle_node_runs_and_completes_long_before_the_job_servers_next_poll() {
        // three in a row: the job server's one poll at its start cannot account for them
        for (int i = 0; i < 3; i++) {
            UUID id = requests.submit(command(), null);

            await().atMost(LONG_BEFORE_THE_NEXT_POLL).until(() -> request(id).status().isFinal());
            awaitSucceededJob(id);
            assertThat(request(id).status()).isEqualTo(PushStatus.COMPLETED);
            assertThat(attempts(id)).isEqualTo(1);
            assertThat(processingStates(id)).as("JobRunr processing states of the request's one job").isEqualTo(1);
            await().atMost(LONG_BEFORE_THE_NEXT_POLL).until(() -> statusesSeen(id).contains("COMPLETED"));
            assertThat(statusesSeen(id)).containsExactly("QUEUED", "RUNNING", "COMPLETED");
        }
    }

    @Test
    void a_submit_to_batch_for_later_still_waits_for_its_time_while_a_run_now_wakes_the_job_server() {
        Instant later = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        UUID batch = requests.submit(command(), later);
        UUID now = requests.submit(command(), null);

        await().atMost(LONG_BEFORE_THE_NEXT_POLL).until(() -> request(now).status().isFinal());
        awaitSucceededJob(now);

        assertThat(request(batch).status()).isEqualTo(PushStatus.SCHEDULED);
        assertThat(attempts(batch)).isZero();
        assertThat(request(batch).startedAt()).isNull();
        assertThat(jobStates(batch)).containsExactly("SCHEDULED");
        assertThat(jdbc.queryForObject("select scheduledat from " + JobRunrJobs.TABLE + " where jobasjson like ?",
                java.sql.Timestamp.class, "%" + batch + "%").toInstant()).isEqualTo(later);
        requests.cancel(batch);
    }

    /**
     * Another node (A) enqueued the job and could not take it (all its workers busy, or stopping), then published the
     * request's QUEUED event, as {@code PushJobScheduler} does: this node, which has a free worker, takes it.
     */
    @Test
    void a_job_that_another_node_enqueued_starts_here_when_its_queued_event_arrives() {
        UUID id = f.inAlpha(() -> store.create(command(), "alpha.push", PushStatus.QUEUED, Instant.now()));
        UUID jobId = UUID.randomUUID();
        // node A's job, created as PushJobScheduler creates a job due now, without this node's wake-up
        jobScheduler.create(aJob().withId(jobId).withName("enqueued on node A")
                .<PushJob>withJobLambda(push -> push.run("alpha", id, JobContext.Null)));
        f.inAlpha(() -> {
            store.setJob(id, jobId);
            return null;
        });

        events.publish(PushEvent.request("alpha", id, PushStatus.QUEUED, 0, null));

        await().atMost(LONG_BEFORE_THE_NEXT_POLL).until(() -> request(id).status().isFinal());
        awaitSucceededJob(id);
        assertThat(request(id).status()).isEqualTo(PushStatus.COMPLETED);
        assertThat(attempts(id)).isEqualTo(1);
        assertThat(processingStates(id)).isEqualTo(1);
    }
}
