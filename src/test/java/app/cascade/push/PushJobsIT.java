package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.notifications.NotificationService;
import app.cascade.notifications.NotificationView;
import app.cascade.push.engine.PushMode;
import app.cascade.tenancy.DistrictSettings;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Push requests as JobRunr jobs: Run Now, Submit to Batch, Batch Reporting, cancel, restart, notifications. */
@CascadeIntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "jobrunr.background-job-server.poll-interval-in-seconds=5"})
class PushJobsIT {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushService pushes;
    @Autowired
    NotificationService notifications;
    @Autowired
    DistrictSettings settings;
    @Autowired
    PushEvents events;
    @Autowired
    JdbcTemplate jdbc;

    PushFixture f;
    final List<PushEvent> seen = new CopyOnWriteArrayList<>();
    AutoCloseable subscription;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        f.eng.with(task("S2", "Semester 2"));
        TestUsers.signIn(context, "alpha.push");
        subscription = events.subscribe(seen::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        subscription.close();
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(true);
        TestUsers.signOut();
    }

    private PushCommand command() {
        return PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true, EnumSet.allOf(LockType.class));
    }

    private PushStatus status(UUID id) {
        TestUsers.signIn(context, "alpha.push");
        return requests.summary(id).status();
    }

    @Test
    void scenario_24_run_now_completes_in_the_background_and_the_submitter_is_notified_in_app_and_by_mail()
            throws Exception {
        UUID id = requests.submit(command(), null);

        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> status(id) == PushStatus.COMPLETED);

        PushRequestSummary row = requests.summary(id);
        assertThat(row.catalog()).isEqualTo("High School Catalog");
        assertThat(row.schoolYear()).isEqualTo("26-27");
        assertThat(row.mode()).isEqualTo(PushMode.PUSH_LOCKED);
        assertThat(row.toSections()).isTrue();
        assertThat(row.coursesDone()).isEqualTo(3);
        assertThat(f.courseItems(f.eng1.id())).anyMatch(r -> "S2".equals(r.get("match_key")));
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount() == 1);
        NotificationView note = notifications.mine(10).getFirst();
        assertThat(note.requestId()).isEqualTo(id);
        assertThat(note.title()).contains("High School Catalog (26-27): push completed");
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("alpha.push@alpha.example");
        assertThat(message.getFrom()[0].toString()).isEqualTo("noreply@alpha.example");
        assertThat(message.getSubject()).contains("push completed");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(message)).contains("Push locked data")
                .contains(id.toString());
        assertThat(seen).anyMatch(e -> e.requestId().equals(id) && "COMPLETED".equals(e.status()));
        assertThat(seen).anyMatch(e -> PushEvent.NOTIFICATION.equals(e.kind()) && "alpha.push".equals(e.username()));
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void scenario_23_with_batch_reporting_off_a_request_stays_queued_changes_nothing_and_runs_once_it_is_on() {
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(false);
        TestUsers.signIn(context, "alpha.push");
        List<String> before = f.snapshot();

        UUID id = requests.submit(command(), Instant.now());

        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> requests.summary(id).message() != null);
        assertThat(status(id)).isEqualTo(PushStatus.QUEUED);
        assertThat(requests.summary(id).message()).contains("Batch Reporting is off");
        assertThat(requests.batchReportingOn()).isFalse();
        assertThat(f.snapshot()).isEqualTo(before);

        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(true);
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> status(id) == PushStatus.COMPLETED);
    }

    @Test
    void a_scheduled_request_does_not_run_before_its_time_and_runs_after() {
        Instant at = Instant.now().plusSeconds(8);
        UUID id = requests.submit(command(), at);

        assertThat(status(id)).isEqualTo(PushStatus.SCHEDULED);
        await().pollInSameThread().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5))
                .until(() -> status(id) == PushStatus.SCHEDULED);
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> status(id) == PushStatus.COMPLETED);
        assertThat(f.inAlpha(() -> jdbc.queryForObject("select started_at from push_request where id = ?",
                java.sql.Timestamp.class, id)).toInstant()).isAfterOrEqualTo(at);
    }

    @Test
    void a_scheduled_request_can_be_cancelled_and_restarted_as_a_new_request_that_runs_once_its_time_has_come() {
        UUID id = requests.submit(command(), Instant.now().plus(Duration.ofHours(2)));

        requests.cancel(id);
        assertThat(status(id)).isEqualTo(PushStatus.CANCELLED);
        assertThatThrownBy(() -> requests.cancel(id)).isInstanceOf(PushStateException.class)
                .hasMessageContaining("CANCELLED");
        // its time has passed meanwhile: the restart runs now (PushRestartIT: one still ahead keeps its time)
        f.inAlpha(() -> jdbc.update("update push_request set scheduled_at = now() - interval '1 hour' where id = ?",
                id));
        UUID again = requests.restart(id, false);

        assertThat(again).isNotEqualTo(id);
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> status(again) == PushStatus.COMPLETED);
        assertThat(status(id)).isEqualTo(PushStatus.CANCELLED);
    }

    @Test
    void a_time_in_the_past_is_refused_naming_the_field_and_viewers_cannot_submit() {
        assertThatThrownBy(() -> requests.submit(command(), Instant.now().minus(Duration.ofDays(1))))
                .isInstanceOf(PushValidationException.class)
                .extracting(e -> ((PushValidationException) e).field()).isEqualTo("scheduledAt");
        TestUsers.signIn(context, "alpha.viewer");
        assertThatThrownBy(() -> requests.submit(command(), null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(requests.queue(Instant.now().minus(Duration.ofDays(14)), Instant.now().plusSeconds(60), 50))
                .isEmpty();
    }

}
