package app.cascade.support;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushRequestAction;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushSupportService;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushStateException;
import app.cascade.push.PushStatus;
import app.cascade.push.PushValidationException;
import app.cascade.push.RequestNeedingAttention;
import app.cascade.push.engine.PushMode;
import app.cascade.tenancy.DistrictSettings;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Support retries a failed push request and cancels a stuck one through {@link PushSupportService}: only those, only
 * with a reason, only as SUPPORT; every action is audited and the district sees it on the request (queue and API).
 */
@CascadeIntegrationTest
class SupportActionsIT {

    static final Duration PUSH = Duration.ofSeconds(90);

    @Autowired
    ApplicationContext context;
    @Autowired
    PushSupportService support;
    @Autowired
    PushRequestService requests;
    @Autowired
    DistrictSettings settings;
    @Autowired
    JobScheduler jobs;
    @Autowired
    StorageProvider storage;
    @Autowired
    DataSource dataSource;
    @Value("${local.server.port}")
    int port;

    SupportFixture f;

    @BeforeEach
    void setUp() {
        f = new SupportFixture(context, "alpha");
    }

    @AfterEach
    void tearDown() {
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(true);
        TestUsers.signOut();
    }

    @Test
    void retrying_a_failed_request_runs_it_again_as_a_new_request_that_completes_and_both_say_who_when_and_why() {
        UUID failed = f.failed("The push failed: could not extend file: No space left on device");
        TestUsers.signIn(context, "support");
        assertThat(support.needingAttention()).filteredOn(r -> r.id().equals(failed)).singleElement()
                .satisfies(r -> {
                    assertThat(r.problem()).isEqualTo(RequestNeedingAttention.Problem.FAILED);
                    assertThat(r.districtId()).isEqualTo("alpha");
                    assertThat(r.district()).isEqualTo("Alpha Test District");
                    assertThat(r.catalog()).isEqualTo("High School Catalog");
                    assertThat(r.attempts()).isEqualTo(4);
                });

        UUID retry = support.retryFailed("alpha", failed, "  Disk full on the database host; space freed  ");

        assertThat(retry).isNotEqualTo(failed);
        await().atMost(PUSH).until(() -> PushStatus.valueOf(f.status(retry)).isFinal());
        assertThat(f.status(retry)).isEqualTo("COMPLETED");
        assertThat(f.d.query("select count(*) from push_course_result where request_id = ?", Long.class, retry))
                .as("the three courses of the catalog in 26-27").isEqualTo(3);
        assertThat(f.status(failed)).as("the failed request stays as it was").isEqualTo("FAILED");
        assertThat(f.d.query("select submitted_by || ' ' || submitter_email from push_request where id = ?",
                String.class, retry)).as("its submitter is notified as before")
                .isEqualTo("alpha.push alpha.push@alpha.example");
        assertThat(f.actions(failed)).containsExactly(Map.of("action", "RETRIED", "actor", "support",
                "actorName", "Sam Support", "reason", "Disk full on the database host; space freed",
                "related", retry.toString()));
        assertThat(f.actions(retry)).containsExactly(Map.of("action", "RETRY_OF", "actor", "support",
                "actorName", "Sam Support", "reason", "Disk full on the database host; space freed",
                "related", failed.toString()));
        assertThat(support.needingAttention()).extracting(RequestNeedingAttention::id).doesNotContain(failed, retry);

        // what the district sees: the batch queue and the API
        TestUsers.signIn(context, "alpha.viewer");
        PushRequestSummary seen = requests.summary(failed);
        assertThat(seen.lastAction().action()).isEqualTo(PushRequestAction.Kind.RETRIED);
        assertThat(seen.lastAction().describe()).matches("Retried by support \\(Sam Support\\) on "
                + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: Disk full on the database host; space freed");
        assertThat(requests.queue(Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(60), 50))
                .filteredOn(r -> r.id().equals(retry)).singleElement()
                .satisfies(r -> assertThat(r.lastAction().describe()).startsWith(
                        "Retry of a failed request, started by support (Sam Support) on "));
        JsonNode api = apiGet("alpha.viewer", "/api/v1/pushes/" + failed);
        assertThat(api.get("status").asString()).isEqualTo("FAILED");
        assertThat(api.get("lastAction").asString()).isEqualTo(seen.lastAction().describe());
    }

    @Test
    void a_failed_request_is_retried_once_and_only_a_failed_request_is_retried() {
        UUID failed = f.failed("The push failed: timeout");
        UUID completed = f.stuck("QUEUED", null);
        f.d.update("update push_request set status = 'COMPLETED', finished_at = now() where id = ?", completed);
        TestUsers.signIn(context, "support");
        UUID retry = support.retryFailed("alpha", failed, "Timeout fixed");
        long count = f.requests();

        assertThatThrownBy(() -> support.retryFailed("alpha", failed, "Again"))
                .isInstanceOf(PushStateException.class).hasMessage("This request was already retried, as request "
                        + retry);
        assertThatThrownBy(() -> support.retryFailed("alpha", completed, "Why not"))
                .isInstanceOf(PushStateException.class)
                .hasMessage("Only a failed request can be retried; this one is COMPLETED");
        assertThatThrownBy(() -> support.retryFailed("alpha", retry, "Not failed"))
                .isInstanceOf(PushStateException.class).hasMessageStartingWith("Only a failed request can be retried");
        assertThat(f.requests()).isEqualTo(count);
        assertThat(f.actions(completed)).isEmpty();
        assertThat(f.actions(failed)).hasSize(1);
    }

    @Test
    void a_stuck_request_whose_job_was_deleted_is_cancelled_with_its_reason_and_the_district_sees_it() {
        TestUsers.signIn(context, "alpha.push");
        UUID scheduled = requests.submit(command(), Instant.now().plus(Duration.ofDays(30)));
        UUID jobId = f.d.query("select job_id from push_request where id = ?", UUID.class, scheduled);
        jobs.delete(jobId, "deleted through the dashboard, as in issue 14");
        f.submittedTenMinutesAgo(scheduled);
        UUID never = f.stuck("QUEUED", null);
        UUID orphan = f.stuck("RUNNING", UUID.randomUUID());
        TestUsers.signIn(context, "support");
        assertThat(support.needingAttention()).filteredOn(r -> r.districtId().equals("alpha"))
                .extracting(RequestNeedingAttention::id, RequestNeedingAttention::problem,
                        RequestNeedingAttention::jobState)
                .contains(org.assertj.core.groups.Tuple.tuple(scheduled, RequestNeedingAttention.Problem.STUCK,
                                "DELETED"),
                        org.assertj.core.groups.Tuple.tuple(never, RequestNeedingAttention.Problem.STUCK, "NONE"),
                        org.assertj.core.groups.Tuple.tuple(orphan, RequestNeedingAttention.Problem.STUCK,
                                "MISSING"));

        support.cancelStuck("alpha", scheduled, "Its job was deleted in the dashboard; the district resubmits");
        support.cancelStuck("alpha", never, "Stored without a job during the burst");
        support.cancelStuck("alpha", orphan, "The node running it is gone and JobRunr lost the job");

        assertThat(List.of(f.status(scheduled), f.status(never), f.status(orphan)))
                .containsOnly("CANCELLED");
        assertThat(f.actions(orphan)).containsExactly(Map.of("action", "CANCELLED", "actor", "support",
                "actorName", "Sam Support", "reason", "The node running it is gone and JobRunr lost the job"));
        assertThat(support.needingAttention()).extracting(RequestNeedingAttention::id)
                .doesNotContain(scheduled, never, orphan);
        TestUsers.signIn(context, "alpha.viewer");
        PushRequestSummary seen = requests.summary(scheduled);
        assertThat(seen.status()).isEqualTo(PushStatus.CANCELLED);
        assertThat(seen.message()).as("the message column carries it too").isEqualTo(seen.lastAction().describe())
                .matches("Cancelled by support \\(Sam Support\\) on .* UTC: Its job was deleted in the dashboard;"
                        + " the district resubmits");
        assertThat(apiGet("alpha.viewer", "/api/v1/pushes/" + scheduled).get("lastAction").asString())
                .isEqualTo(seen.lastAction().describe());
    }

    @Test
    void a_request_whose_job_jobrunr_will_still_run_is_not_stuck_and_is_not_cancelled() {
        TestUsers.signIn(context, "alpha.push");
        UUID scheduled = requests.submit(command(), Instant.now().plus(Duration.ofDays(30)));
        f.submittedTenMinutesAgo(scheduled);
        UUID completed = f.failed("x");
        f.d.update("update push_request set status = 'COMPLETED' where id = ?", completed);
        String before = f.row(scheduled);
        TestUsers.signIn(context, "support");

        assertThat(support.needingAttention()).extracting(RequestNeedingAttention::id).doesNotContain(scheduled);
        assertThatThrownBy(() -> support.cancelStuck("alpha", scheduled, "Looks stuck"))
                .isInstanceOf(PushStateException.class)
                .hasMessage("This request is not stuck: its job is SCHEDULED in JobRunr (it will run)");
        assertThatThrownBy(() -> support.cancelStuck("alpha", completed, "Looks stuck"))
                .isInstanceOf(PushStateException.class)
                .hasMessage("Only a scheduled, queued or running request can be stuck; this one is COMPLETED");
        assertThat(f.row(scheduled)).isEqualTo(before);
        assertThat(f.actions(scheduled)).isEmpty();
    }

    @Test
    void a_request_that_is_really_running_is_never_cancelled() throws Exception {
        UUID running;
        try (Connection gate = dataSource.getConnection()) {
            // the executor's catalog lock, held here: the push's job is PROCESSING and waits at the lock
            catalogLock(gate, "pg_advisory_lock");
            try {
                TestUsers.signIn(context, "alpha.push");
                running = requests.submit(command(), null);
                UUID jobId = f.d.query("select job_id from push_request where id = ?", UUID.class, running);
                await().atMost(PUSH).until(() -> storage.getJobById(jobId).getState().name().equals("PROCESSING"));
                f.submittedTenMinutesAgo(running);
                TestUsers.signIn(context, "support");

                assertThat(support.needingAttention()).extracting(RequestNeedingAttention::id)
                        .doesNotContain(running);
                assertThatThrownBy(() -> support.cancelStuck("alpha", running, "Taking too long"))
                        .isInstanceOf(PushStateException.class)
                        .hasMessage("This request is not stuck: its job is PROCESSING in JobRunr (it is running now)");
                assertThat(f.actions(running)).isEmpty();
            } finally {
                // a pooled connection keeps its session, and the lock, when it goes back to the pool
                catalogLock(gate, "pg_advisory_unlock");
            }
        }
        await().atMost(PUSH).until(() -> PushStatus.valueOf(f.status(running)).isFinal());
        assertThat(f.status(running)).isEqualTo("COMPLETED");
    }

    @Test
    void a_queued_request_waiting_for_batch_reporting_is_not_stuck() {
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(false);
        UUID waiting = f.stuck("QUEUED", null);
        TestUsers.signIn(context, "support");

        assertThat(support.needingAttention()).extracting(RequestNeedingAttention::id).doesNotContain(waiting);
        assertThatThrownBy(() -> support.cancelStuck("alpha", waiting, "Queued for ages"))
                .isInstanceOf(PushStateException.class)
                .hasMessageContaining("it waits for Batch Reporting to be turned on in its district");
        assertThat(f.status(waiting)).isEqualTo("QUEUED");
    }

    @Test
    void a_blank_too_long_or_multi_line_reason_is_refused_naming_the_field_and_nothing_changes() {
        UUID failed = f.failed("The push failed: timeout");
        UUID stuck = f.stuck("QUEUED", null);
        long count = f.requests();
        TestUsers.signIn(context, "support");

        for (String reason : new String[]{null, "", "   \t ", "x".repeat(PushRequestAction.MAX_REASON + 1),
                "first line\nsecond line", "a lone \uD800 surrogate"}) {
            assertThatThrownBy(() -> support.retryFailed("alpha", failed, reason)).as("%s", reason)
                    .isInstanceOfSatisfying(PushValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("reason"));
            assertThatThrownBy(() -> support.cancelStuck("alpha", stuck, reason)).as("%s", reason)
                    .isInstanceOfSatisfying(PushValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("reason"));
        }
        assertThat(support.retryFailed("alpha", failed, "x".repeat(PushRequestAction.MAX_REASON))).isNotNull();
        assertThat(f.requests()).isEqualTo(count + 1);
        assertThat(f.status(stuck)).isEqualTo("QUEUED");
        assertThat(f.actions(stuck)).isEmpty();
    }

    @Test
    void an_unknown_district_or_request_is_refused_and_another_districts_request_is_not_found() {
        UUID failed = f.failed("The push failed");
        TestUsers.signIn(context, "support");

        assertThatThrownBy(() -> support.retryFailed("gamma", failed, "Retry"))
                .isInstanceOfSatisfying(PushValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("districtId"));
        assertThatThrownBy(() -> support.retryFailed("beta", failed, "Retry"))
                .isInstanceOf(PushNotFoundException.class);
        assertThatThrownBy(() -> support.cancelStuck("beta", failed, "Cancel"))
                .isInstanceOf(PushNotFoundException.class);
        assertThat(f.status(failed)).isEqualTo("FAILED");
        assertThat(f.actions(failed)).isEmpty();
    }

    @Test
    void district_users_cannot_retry_cancel_or_list_and_nothing_changes() {
        UUID failed = f.failed("The push failed");
        UUID stuck = f.stuck("SCHEDULED", null);
        long count = f.requests();
        for (String user : List.of("alpha.push", "alpha.admin", "alpha.viewer", "both.admin")) {
            TestUsers.signIn(context, user);
            assertThatThrownBy(() -> support.retryFailed("alpha", failed, "Retry")).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> support.cancelStuck("alpha", stuck, "Cancel")).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> support.needingAttention()).as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(f.requests()).isEqualTo(count);
        assertThat(List.of(f.status(failed), f.status(stuck))).containsExactly("FAILED", "SCHEDULED");
        assertThat(f.actions(failed)).isEmpty();
        assertThat(f.actions(stuck)).isEmpty();
    }

    private PushCommand command() {
        return PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true, EnumSet.allOf(LockType.class));
    }

    /** Takes or frees ({@code function}) PushExecutor's session advisory lock of the fixture's catalog. */
    private void catalogLock(Connection connection, String function) throws Exception {
        try (PreparedStatement st = connection.prepareStatement("select " + function + "(hashtext(?), ?)")) {
            st.setString(1, "cascade.push:district_alpha");
            st.setInt(2, Math.toIntExact(f.catalog));
            st.execute();
        }
    }

    private JsonNode apiGet(String user, String path) {
        String body = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .build().get().uri(path).retrieve().body(String.class);
        return JsonMapper.builder().build().readTree(body);
    }
}
