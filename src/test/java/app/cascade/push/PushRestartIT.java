package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Restart keeps the schedule and the Overwrite confirmation (decision 0019); times in the service's messages are in
 * district time; the submitter's display name is stored with the request. Real services and PostgreSQL.
 */
@CascadeIntegrationTest
class PushRestartIT {

    static final ZoneId ALPHA = ZoneId.of("America/New_York");

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;

    PushFixture f;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        f.clearRequests();
        TestUsers.signIn(context, "alpha.push");
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private PushCommand command(PushMode mode, long year) {
        return PushCommand.catalog(f.catalog, year, mode, false, EnumSet.allOf(LockType.class));
    }

    private long requestCount() {
        return f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_request", Long.class));
    }

    @Test
    void a_cancelled_request_whose_time_is_still_ahead_restarts_scheduled_for_that_time() {
        Instant tomorrow10pm = LocalDate.now(ALPHA).plusDays(1).atTime(22, 0).atZone(ALPHA).toInstant();
        UUID id = requests.submit(command(PushMode.PUSH_LOCKED, f.current), tomorrow10pm);
        requests.cancel(id);

        PushRestart plan = requests.restartPlan(id);
        UUID again = requests.restart(id, false);

        assertThat(plan.runAt()).isEqualTo(tomorrow10pm);
        assertThat(plan.overwriteAsksFirst()).isFalse();
        PushRequestSummary restarted = requests.summary(again);
        assertThat(restarted.status()).isEqualTo(PushStatus.SCHEDULED);
        assertThat(restarted.scheduledAt()).isEqualTo(tomorrow10pm);
        assertThat(requests.summary(id).status()).isEqualTo(PushStatus.CANCELLED);
    }

    @Test
    void restarting_an_overwrite_of_a_year_that_has_started_is_refused_unless_confirmed_and_stores_nothing_then() {
        UUID id = requests.submit(command(PushMode.OVERWRITE, f.current), Instant.now().plus(2, ChronoUnit.HOURS));
        requests.cancel(id);
        long before = requestCount();

        assertThat(requests.restartPlan(id).overwriteAsksFirst()).isTrue();
        assertThatThrownBy(() -> requests.restart(id, false)).isInstanceOf(PushValidationException.class)
                .hasMessageContaining("26-27, a school year that has started")
                .extracting(e -> ((PushValidationException) e).field()).isEqualTo("confirmOverwrite");
        assertThat(requestCount()).isEqualTo(before);

        UUID again = requests.restart(id, true);
        assertThat(requests.summary(again).mode()).isEqualTo(PushMode.OVERWRITE);
        assertThat(requestCount()).isEqualTo(before + 1);
    }

    @Test
    void an_overwrite_of_a_future_year_restarts_without_a_confirmation() {
        LocalDate start = LocalDate.now(ALPHA).plusMonths(2);
        long future = f.d.year("30-31", start, start.plusMonths(10));
        UUID id = requests.submit(command(PushMode.OVERWRITE, future), Instant.now().plus(2, ChronoUnit.HOURS));
        requests.cancel(id);

        assertThat(requests.restartPlan(id).overwriteAsksFirst()).isFalse();
        assertThat(requests.summary(requests.restart(id, false)).schoolYear()).isEqualTo("30-31");
    }

    @Test
    void only_a_cancelled_or_failed_request_can_be_restarted_and_only_by_a_push_admin() {
        UUID id = requests.submit(command(PushMode.PUSH_LOCKED, f.current), Instant.now().plus(2, ChronoUnit.HOURS));

        assertThatThrownBy(() -> requests.restartPlan(id)).isInstanceOf(PushStateException.class)
                .hasMessageContaining("SCHEDULED");
        assertThatThrownBy(() -> requests.restart(id, true)).isInstanceOf(PushStateException.class);
        requests.cancel(id);
        TestUsers.signIn(context, "alpha.admin");
        assertThatThrownBy(() -> requests.restart(id, false))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_refused_time_is_named_in_district_time_not_in_utc() {
        Instant past = LocalDate.now(ALPHA).minusDays(1).atTime(6, 30).atZone(ALPHA).toInstant();

        assertThatThrownBy(() -> requests.submit(command(PushMode.PUSH_LOCKED, f.current), past))
                .isInstanceOf(PushValidationException.class)
                .hasMessage("The scheduled time " + DistrictTime.format(past, ALPHA)
                        + " is in the past; choose a time from now on")
                .hasMessageContaining("6:30 AM E").hasMessageNotContaining("Z ");
        assertThatThrownBy(() -> requests.submit(command(PushMode.PUSH_LOCKED, f.current),
                Instant.now().plus(400, ChronoUnit.DAYS)))
                .hasMessageContaining("is more than a year ahead; choose a time before")
                .hasMessageMatching(".*[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M E[SD]T.*");
    }

    @Test
    void the_submitters_display_name_is_stored_and_an_older_request_shows_the_username() {
        UUID id = requests.submit(command(PushMode.PUSH_LOCKED, f.current), Instant.now().plus(2, ChronoUnit.HOURS));

        PushRequestSummary summary = requests.summary(id);
        assertThat(summary.submittedBy()).isEqualTo("alpha.push");
        assertThat(summary.submitter()).isEqualTo("Alpha Pusher");

        f.inAlpha(() -> f.jdbc.update("update push_request set submitted_by_name = null where id = ?", id));
        assertThat(requests.summary(id).submitter()).isEqualTo("alpha.push");
    }

    @Test
    void pushed_data_reads_all_data_when_all_six_kinds_were_chosen() {
        UUID all = requests.submit(command(PushMode.PUSH_LOCKED, f.current), Instant.now().plus(2, ChronoUnit.HOURS));
        UUID two = requests.submit(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.of(LockType.ASSESSMENTS, LockType.COURSE_INFO)), Instant.now().plus(2, ChronoUnit.HOURS));

        assertThat(requests.summary(all).pushedData()).isEqualTo("All data");
        assertThat(requests.summary(two).pushedData()).isEqualTo("Assessments, Course Info");
    }
}
