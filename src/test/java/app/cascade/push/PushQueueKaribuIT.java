package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.KaribuSession;
import app.cascade.push.engine.PushMode;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The push tool's Run Now / Submit to Batch and its Batch Queue List (issue 15): the default window shows upcoming
 * requests, Cancel asks first and says it did, Restart keeps the schedule and the Overwrite confirmation, a double
 * click submits once, refusals name district time on the Run at field. Real services, jobs and database.
 */
@CascadeIntegrationTest
class PushQueueKaribuIT extends KaribuWithPushFixture {

    static final String ROUTE = "push-all-course-masters";
    static final ZoneId ALPHA = ZoneId.of("America/New_York");

    private void open() {
        KaribuSession.open(context, "alpha.push");
        UI.getCurrent().navigate(ROUTE);
    }

    @SuppressWarnings("unchecked")
    private static Grid<PushRequestSummary> queue() {
        return _get(Grid.class, spec -> spec.withId("queue-grid"));
    }

    private static List<PushRequestSummary> rows() {
        return queue().getGenericDataView().getItems().toList();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static Button rowButton(int row, String text) {
        return _get(GridKt._getCellComponent(queue(), row, "download"), Button.class, spec -> spec.withText(text));
    }

    private static ConfirmDialog confirm(String id) {
        return _get(ConfirmDialog.class, spec -> spec.withId(id));
    }

    private static List<String> toasts() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }

    private long requestCount() {
        return f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_request", Long.class));
    }

    private static Instant tomorrow10pm() {
        return LocalDate.now(ALPHA).plusDays(1).atTime(22, 0).atZone(ALPHA).toInstant();
    }

    @Test
    void a_request_submitted_to_batch_for_tomorrow_10_pm_is_still_listed_after_leaving_and_coming_back() {
        open();
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("push-run-at")).getValue())
                .isEqualTo(LocalDate.now(ALPHA).plusDays(1).atTime(22, 0));

        ButtonKt._click(button("push-submit-batch"));
        UI.getCurrent().navigate("catalogs");
        UI.getCurrent().navigate(ROUTE);

        LocalDate today = LocalDate.now(ALPHA);
        assertThat(_get(DatePicker.class, spec -> spec.withId("queue-from")).getValue()).isEqualTo(today.minusDays(7));
        assertThat(_get(DatePicker.class, spec -> spec.withId("queue-to")).getValue()).isEqualTo(today.plusDays(7));
        assertThat(rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(PushStatus.SCHEDULED);
            assertThat(r.scheduledAt()).isEqualTo(tomorrow10pm());
        });
    }

    @Test
    void the_queue_writes_all_data_for_all_six_kinds_and_the_submitters_display_name() {
        open();
        ButtonKt._click(button("push-submit-batch"));

        assertThat(GridKt._getFormattedRow(queue(), 0)).contains("All data", "Alpha Pusher")
                .doesNotContain("alpha.push");
    }

    @Test
    void a_running_requests_progress_bar_is_named_by_the_words_beside_it() {
        open();
        ButtonKt._click(button("push-submit-batch"));
        f.inAlpha(() -> f.jdbc.update("update push_request set status = 'RUNNING', courses_total = 12,"
                + " courses_done = 5"));
        UI.getCurrent().navigate("catalogs");
        UI.getCurrent().navigate(ROUTE);

        var status = GridKt._getCellComponent(queue(), 0, "status");
        ProgressBar bar = _get(status, ProgressBar.class, spec -> { });
        assertThat(bar.getElement().getAttribute("aria-label")).isEqualTo("Running: 5 of 12 courses");
        assertThat(get_textRecursively(status)).contains("Running: 5 of 12 courses");
    }

    @Test
    void cancel_asks_first_and_a_toast_says_the_request_was_cancelled() {
        open();
        ButtonKt._click(button("push-submit-batch"));
        NotificationsKt.clearNotifications();

        ButtonKt._click(rowButton(0, "Cancel"));
        ConfirmDialogKt._fireCancel(confirm("cancel-confirm"));
        assertThat(rows().getFirst().status()).isEqualTo(PushStatus.SCHEDULED);
        assertThat(rowButton(0, "Cancel").isEnabled()).isTrue();
        assertThat(toasts()).isEmpty();

        ButtonKt._click(rowButton(0, "Cancel"));
        assertThat(ConfirmDialogKt.getText(confirm("cancel-confirm"))).contains("will not run")
                .contains(DistrictTime.format(tomorrow10pm(), ALPHA));
        ConfirmDialogKt._fireConfirm(confirm("cancel-confirm"));

        assertThat(rows().getFirst().status()).isEqualTo(PushStatus.CANCELLED);
        assertThat(toasts()).singleElement().asString().contains("was cancelled", "10:00 PM E");
    }

    @Test
    void restart_of_a_cancelled_request_keeps_its_scheduled_time() {
        open();
        ButtonKt._click(button("push-submit-batch"));
        ButtonKt._click(rowButton(0, "Cancel"));
        ConfirmDialogKt._fireConfirm(confirm("cancel-confirm"));
        NotificationsKt.clearNotifications();

        ButtonKt._click(rowButton(0, "Restart"));

        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(rows()).hasSize(2).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(PushStatus.SCHEDULED);
            assertThat(r.scheduledAt()).isEqualTo(tomorrow10pm());
        });
        assertThat(toasts()).singleElement().asString().contains("was restarted",
                "is scheduled for " + DistrictTime.format(tomorrow10pm(), ALPHA), "the time it was scheduled for");
    }

    @Test
    void restart_of_an_overwrite_of_a_year_that_has_started_asks_the_overwrite_confirmation() {
        open();
        _get(RadioButtonGroup.class, spec -> spec.withId("push-mode")).setValue(PushMode.OVERWRITE);
        ButtonKt._click(button("push-submit-batch"));
        ConfirmDialogKt._fireConfirm(confirm("overwrite-confirm"));
        ButtonKt._click(rowButton(0, "Cancel"));
        ConfirmDialogKt._fireConfirm(confirm("cancel-confirm"));
        long before = requestCount();

        ButtonKt._click(rowButton(0, "Restart"));
        ConfirmDialog overwrite = confirm("overwrite-confirm");
        assertThat(ConfirmDialogKt.getText(overwrite)).contains("26-27 is not a future year", "course managed",
                "Restarted, the push is scheduled for " + DistrictTime.format(tomorrow10pm(), ALPHA));
        ConfirmDialogKt._fireCancel(overwrite);
        assertThat(requestCount()).isEqualTo(before);
        assertThat(rowButton(0, "Restart").isEnabled()).isTrue();

        ButtonKt._click(rowButton(0, "Restart"));
        ConfirmDialogKt._fireConfirm(confirm("overwrite-confirm"));
        assertThat(requestCount()).isEqualTo(before + 1);
        assertThat(rows()).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(PushStatus.SCHEDULED);
            assertThat(r.mode()).isEqualTo(PushMode.OVERWRITE);
        });
    }

    @Test
    void a_double_click_on_run_now_or_submit_to_batch_stores_one_request() {
        open();
        Button runNow = button("push-run-now");

        ButtonKt._click(runNow);
        assertThatThrownBy(() -> ButtonKt._click(runNow)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not enabled");
        assertThat(requestCount()).isEqualTo(1);

        Button batch = button("push-submit-batch");
        assertThat(batch.isEnabled()).isFalse();
        // a moment later both take a click again, for the next push
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return runNow.isEnabled() && batch.isEnabled();
                });
        // the next test wipes the district: the push started here must have ended first
        await().pollInSameThread().atMost(Duration.ofSeconds(90)).until(() -> f.inAlpha(() -> f.jdbc.queryForObject(
                "select count(*) from push_request where status in ('QUEUED', 'RUNNING')", Long.class)) == 0);
    }

    @Test
    void a_time_in_the_past_marks_the_run_at_field_with_the_time_in_district_time() {
        open();
        DateTimePicker runAt = _get(DateTimePicker.class, spec -> spec.withId("push-run-at"));
        LocalDateTime yesterday = LocalDate.now(ALPHA).minusDays(1).atTime(6, 30);
        runAt.setValue(yesterday);

        ButtonKt._click(button("push-submit-batch"));

        assertThat(runAt.isInvalid()).isTrue();
        assertThat(runAt.getErrorMessage()).isEqualTo("The scheduled time "
                + DistrictTime.format(yesterday.atZone(ALPHA).toInstant(), ALPHA)
                + " is in the past; choose a time from now on").contains("6:30 AM E");
        assertThat(requestCount()).isZero();
        assertThat(button("push-submit-batch").isEnabled()).isTrue();
    }

    @Test
    void the_help_under_the_form_is_closed_at_first() {
        open();
        Details help = _get(Details.class, spec -> spec.withId("push-help"));

        assertThat(help.isOpened()).isFalse();
        assertThat(get_textRecursively(help)).contains("How Push locked data and Overwrite differ");
    }
}
