package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.notifications.NotificationService;
import app.cascade.notifications.NotificationView;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.UndoRequests;
import app.cascade.push.job.PushJobReconciler;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The notification of an undo (issue 18), in the bell and by mail: it says what the undo did, in the admin's words,
 * and links to the undo's report; a push's words are as they were. Chunks of two courses, so that an undo can fail
 * after its first chunk committed; the job reconciler on, to fail an undo that lost its job.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "jobrunr.background-job-server.poll-interval-in-seconds=5", "cascade.push.chunk-size=2",
        // called by the failed undo's test only: its scheduled passes once at start, then hourly
        "cascade.push.reconciler.enabled=true", "cascade.push.reconciler.every=1h"})
class UndoNotificationIT {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushUndoService undoService;
    @Autowired
    NotificationService notifications;
    @Autowired
    UndoRequests undos;
    @Autowired
    PushExecutor executor;
    @Autowired
    PushJobReconciler reconciler;
    @Autowired
    TenantRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${cascade.base-url}")
    String baseUrl;

    PushFixture f;
    PushRuns runs;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
        runs = PushRuns.of(context);
        f.eng.with(app.cascade.catalog.ItemSpec.task("S2", "Semester 2"));
        f.mat.with(app.cascade.catalog.ItemSpec.task("S2", "Semester 2"));
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private UUID push() {
        return runs.run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class)));
    }

    private NotificationView notificationOf(UUID requestId) {
        TestUsers.signIn(context, "alpha.push");
        return notifications.mine(50).stream().filter(n -> n.requestId().equals(requestId)).findFirst()
                .orElseThrow(() -> new AssertionError("no notification of request " + requestId));
    }

    /** "Dec 1, 2026, 6:30 AM CST": when the undone push was scheduled, as the district reads it. */
    private String scheduled(UUID push) {
        return DistrictTime.format(requests.summary(push).scheduledAt(), registry.require("alpha").timeZone());
    }

    @Test
    void a_completed_undo_says_how_many_courses_it_restored_and_its_mail_links_to_the_undos_report()
            throws Exception {
        UUID push = push();
        String when = scheduled(push);

        UUID undo = undoService.undo(push);

        await().pollInSameThread().atMost(Duration.ofSeconds(60))
                .until(() -> notifications.mine(50).stream().anyMatch(n -> n.requestId().equals(undo)));
        NotificationView note = notificationOf(undo);
        String title = "Undo of the push of High School Catalog (" + when + ") completed: 3 courses restored";
        assertThat(note.title()).isEqualTo(title);
        assertThat(note.status()).isEqualTo("COMPLETED");
        assertThat(note.body()).isEqualTo("The push undone: Push locked data, pushed to sections, 26-27."
                + " Data: All data. Courses: 3 of 3.");
        assertThat(note.reportPath()).isEqualTo("push-all-course-masters?request=" + undo);
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("[Cascade] " + title);
        assertThat(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="))
                .contains(title, note.body(), "Report: " + baseUrl + "/push-all-course-masters?request=" + undo);
    }

    @Test
    void an_undo_that_left_a_course_changed_since_the_push_says_so_beside_the_courses_it_restored() {
        UUID push = push();
        String when = scheduled(push);
        f.d.update("update course set description = 'Edited after the push' where id = ?", f.eng2.id());

        UUID undo = runs.undo(push);

        NotificationView note = notificationOf(undo);
        assertThat(note.status()).isEqualTo("COMPLETED_WITH_WARNINGS");
        assertThat(note.title()).isEqualTo("Undo of the push of High School Catalog (" + when + ") completed:"
                + " 2 courses restored, 1 left as it is (changed since the push)");
        assertThat(note.body()).endsWith("Courses: 3 of 3. Its report lists each course it did not restore, with"
                + " the reason.");
    }

    @Test
    void an_undo_that_failed_after_its_first_chunk_says_it_failed_and_what_it_restored_before() {
        UUID push = push();
        String when = scheduled(push);
        UUID undo = f.inAlpha(() -> undos.create(undos.requireUndoable(push), "alpha.push", null,
                PushStatus.QUEUED));
        assertThatThrownBy(() -> TenantContext.run("alpha", () -> executor.execute(undo, done -> {
            if (done >= 2) {
                throw new IllegalStateException("simulated crash after the first chunk");
            }
        }))).hasMessageContaining("simulated crash");
        // its job lost after every retry: the reconciler fails it, as in production, and the submitter is told
        f.inAlpha(() -> jdbc.update("update push_request set status = 'RUNNING', attempts = 4, job_id = ?,"
                + " submitted_at = submitted_at - interval '10 minutes' where id = ?", UUID.randomUUID(), undo));

        reconciler.reconcile();

        NotificationView note = notificationOf(undo);
        assertThat(note.status()).isEqualTo("FAILED");
        assertThat(note.title()).isEqualTo("Undo of the push of High School Catalog (" + when + ") failed:"
                + " 2 courses restored before it stopped");
        assertThat(note.body()).contains("Courses: 2 of 3.").contains("lost its job after 4 attempts")
                .doesNotContain("push failed");
    }

    @Test
    void a_push_is_told_in_the_words_it_always_had() {
        UUID push = push();

        NotificationView note = notificationOf(push);

        assertThat(note.title()).isEqualTo("High School Catalog (26-27): push completed");
        assertThat(note.body()).isEqualTo("Push locked data, pushed to sections. Data: All data. Courses: 3 of 3.");
        assertThat(note.reportPath()).isEqualTo("push-all-course-masters?request=" + push);
    }
}
