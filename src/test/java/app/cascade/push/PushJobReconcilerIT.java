package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.job.PushJobReconciler;
import app.cascade.tenancy.TenantContext;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, self-healing: requests that lost their JobRunr job (its row deleted, never created, or given up on) are
 * found by the reconciler's scheduled passes (here every second) and enqueued again or failed; a node whose job
 * server stopped reports liveness DOWN.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = {"cascade.push.reconciler.enabled=true", "cascade.push.reconciler.every=1s",
        "cascade.push.reconciler.grace=5s"})
@DirtiesContext // the last test stops and restarts the job server
class PushJobReconcilerIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushRequestStore store;
    @Autowired
    PushJobReconciler reconciler;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BackgroundJobServer jobServer;
    @LocalManagementPort
    int managementPort;

    PushFixture f;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        jdbc.update("delete from cascade.maintenance_lease");
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private PushCommand command() {
        return PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true, EnumSet.allOf(LockType.class));
    }

    private PushRequestView request(UUID id) {
        return f.inAlpha(() -> store.find(id)).orElseThrow();
    }

    private UUID jobOf(UUID id) {
        return f.inAlpha(() -> store.jobId(id)).orElse(null);
    }

    private String jobState(UUID jobId) {
        return jdbc.queryForList("select state from jobrunr_jobs where id = ?", String.class, jobId.toString())
                .stream().findFirst().orElse(null);
    }

    /** As if submitted a while ago: the reconciler leaves requests younger than its grace period alone. */
    private void age(UUID id) {
        f.inAlpha(() -> jdbc.update("update push_request set submitted_at = submitted_at - interval '10 minutes'"
                + " where id = ?", id));
    }

    /** A request stored with no job, the way a crash between the commit and the job's creation leaves one. */
    private UUID storedWithoutJob(PushStatus status, Instant at) {
        return f.inAlpha(() -> store.create(command(), "alpha.push", status, at));
    }

    @Test
    void a_scheduled_request_whose_job_row_was_deleted_gets_a_new_job_at_the_same_time() {
        TestUsers.signIn(context, "alpha.push");
        Instant at = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        UUID id = requests.submit(command(), at);
        UUID lost = jobOf(id);
        assertThat(jobState(lost)).isEqualTo("SCHEDULED");
        jdbc.update("delete from jobrunr_jobs where id = ?", lost.toString());
        age(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobOf(id) != null && !jobOf(id).equals(lost));
        UUID healed = jobOf(id);
        assertThat(jobState(healed)).isEqualTo("SCHEDULED");
        assertThat(jdbc.queryForObject("select scheduledat from jobrunr_jobs where id = ?", java.sql.Timestamp.class,
                healed.toString()).toInstant()).isEqualTo(at);
        assertThat(request(id).status()).isEqualTo(PushStatus.SCHEDULED);
    }

    @Test
    void a_queued_request_that_never_got_a_job_is_enqueued_and_completes() {
        UUID id = storedWithoutJob(PushStatus.QUEUED, Instant.now());
        age(id);

        await().atMost(Duration.ofSeconds(60)).until(() -> request(id).status().isFinal());
        assertThat(request(id).status()).isIn(PushStatus.COMPLETED, PushStatus.COMPLETED_WITH_WARNINGS);
        // JobRunr saves the job's SUCCEEDED state just after the push committed its final status
        await().atMost(Duration.ofSeconds(30)).until(() -> jobState(jobOf(id)), "SUCCEEDED"::equals);
    }

    @Test
    void a_running_request_that_lost_its_job_after_every_retry_is_failed_with_the_reason() {
        UUID id = storedWithoutJob(PushStatus.QUEUED, Instant.now());
        f.inAlpha(() -> jdbc.update("update push_request set status = 'RUNNING', attempts = 4, job_id = ?"
                + " where id = ?", UUID.randomUUID(), id));
        age(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> request(id).status() == PushStatus.FAILED);
        assertThat(request(id).message()).contains("lost its job after 4 attempts").contains("reconciler");
        await().atMost(Duration.ofSeconds(10)).until(() -> f.inAlpha(() -> jdbc.queryForObject(
                "select count(*) from notification where request_id = ? and status = 'FAILED'", Integer.class, id)),
                n -> n == 1); // the submitter is told, as when a job fails (PushEnded)
    }

    @Test
    void a_request_waiting_for_batch_reporting_is_left_alone() {
        jdbc.update("update cascade.tenant set batch_reporting = false where id = 'alpha'");
        try {
            UUID id = storedWithoutJob(PushStatus.QUEUED, Instant.now());
            age(id);
            assertThat(reconciler.reconcile()).noneMatch(action -> action.contains(id.toString()));
            assertThat(jobOf(id)).isNull();
            assertThat(request(id).status()).isEqualTo(PushStatus.QUEUED);
        } finally {
            jdbc.update("update cascade.tenant set batch_reporting = true where id = 'alpha'");
        }
    }

    @Test
    void only_the_node_holding_the_lease_reconciles() {
        jdbc.update("insert into cascade.maintenance_lease (name, holder, until) values ('push-job-reconciler',"
                + " 'another-node', now() + interval '1 hour')");
        UUID id = storedWithoutJob(PushStatus.SCHEDULED, Instant.now().plus(Duration.ofHours(2)));
        age(id);

        reconciler.onSchedule();
        assertThat(jobOf(id)).as("another node holds the lease").isNull();

        jdbc.update("update cascade.maintenance_lease set until = now() - interval '1 second'");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobOf(id) != null);
        assertThat(jdbc.queryForObject("select holder from cascade.maintenance_lease", String.class))
                .isNotEqualTo("another-node");
    }

    @Test
    void liveness_goes_down_when_the_job_server_stops() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest liveness = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/health/liveness")).build();
        assertThat(http.send(liveness, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        jobServer.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !jobServer.isRunning());
            HttpResponse<String> down = http.send(liveness, HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"DOWN\"").contains("jobServer");
        } finally {
            jobServer.start();
        }
    }
}
