package app.cascade.support;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.KaribuSession;
import app.cascade.push.PushRequestAction;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushStatus;
import app.cascade.push.RequestNeedingAttention;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.ButtonKt._expectNotClickable;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Support view's requests needing attention: a failed request of a district with Retry, a stuck one with Cancel,
 * each through a dialog that requires the reason; refusals stay in the dialog.
 */
@CascadeIntegrationTest
class SupportViewKaribuIT {

    static final String ROUTE = "support/districts";

    @Autowired
    ApplicationContext context;

    SupportFixture f;
    UUID failed;
    UUID stuck;

    @BeforeEach
    void setUp() {
        f = new SupportFixture(context, "alpha");
        failed = f.failed("The push failed: could not serialize access");
        stuck = f.stuck("SCHEDULED", null);
        KaribuSession.open(context, "support");
        UI.getCurrent().navigate(ROUTE);
    }

    @AfterEach
    void tearDown() {
        KaribuSession.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_districts_come_worst_first_and_the_filter_finds_one() {
        Grid<DistrictStatus> grid = _get(Grid.class, spec -> spec.withId("districts-grid"));
        assertThat(grid.isAllRowsVisible()).as("rows sent page by page, not all at once").isFalse();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).district().id()).as("alpha has a failed request").isEqualTo("alpha");
        TextField filter = _get(TextField.class, spec -> spec.withId("districts-filter"));

        filter.setValue("Beta");
        assertThat(GridKt._size(grid)).isOne();
        assertThat(GridKt._get(grid, 0).district().id()).isEqualTo("beta");
        filter.setValue("nowhere");
        assertThat(GridKt._size(grid)).isZero();
        filter.clear();
        assertThat(GridKt._size(grid)).isEqualTo(2);
    }

    @Test
    void the_grid_lists_the_failed_and_the_stuck_request_of_the_district_with_retry_and_cancel() {
        assertThat(row(failed)).contains("Alpha Test District",
                "Push All Course Masters · High School Catalog · 26-27 · Push locked data", "Failed after 4 attempts", "alpha.push", "The push failed: could not serialize access");
        assertThat(row(stuck)).contains("Alpha Test District", "Stuck scheduled: it has no job");
        assertThat(action(failed).getText()).isEqualTo("Retry");
        assertThat(action(stuck).getText()).isEqualTo("Cancel");
    }

    @Test
    void retry_asks_for_the_reason_then_runs_the_request_again_and_the_row_leaves_the_grid() {
        _click(action(failed));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("support-reason-dialog"));
        Button confirm = _get(Button.class, spec -> spec.withId("support-confirm"));
        _expectNotClickable(confirm);
        _get(TextArea.class, spec -> spec.withId("support-reason")).setValue("   ");
        _expectNotClickable(confirm);

        _get(TextArea.class, spec -> spec.withId("support-reason")).setValue("Serialization failure; retry is safe");
        _click(confirm);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(NotificationsKt.getNotifications()).extracting(Notification::getElement)
                .anySatisfy(n -> assertThat(n.getProperty("text")).startsWith("Retried as request "));
        assertThat(ids()).doesNotContain(failed).contains(stuck);
        List<Map<String, Object>> actions = f.actions(failed);
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("action", "RETRIED").containsEntry("actorName", "Sam Support")
                    .containsEntry("reason", "Serialization failure; retry is safe");
        });
        UUID retry = UUID.fromString((String) actions.getFirst().get("related"));
        await().atMost(Duration.ofSeconds(90)).until(() -> PushStatus.valueOf(f.status(retry)).isFinal());
        assertThat(f.status(retry)).isEqualTo("COMPLETED");
    }

    @Test
    void cancel_asks_for_the_reason_then_cancels_the_stuck_request() {
        _click(action(stuck));
        _get(TextArea.class, spec -> spec.withId("support-reason")).setValue("Its job was never created");
        _click(_get(Button.class, spec -> spec.withId("support-confirm")));

        assertThat(_find(Dialog.class, spec -> spec.withId("support-reason-dialog"))).isEmpty();
        assertThat(f.status(stuck)).isEqualTo("CANCELLED");
        assertThat(f.actions(stuck)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("action", PushRequestAction.Kind.CANCELLED.name()));
        assertThat(ids()).doesNotContain(stuck).contains(failed);
    }

    @Test
    void a_refusal_stays_in_the_dialog_and_changes_nothing() {
        _click(action(stuck));
        // meanwhile the request ended: cancelling it is refused with the service's reason
        f.d.update("update push_request set status = 'COMPLETED', finished_at = now() where id = ?", stuck);
        _get(TextArea.class, spec -> spec.withId("support-reason")).setValue("Stuck");
        _click(_get(Button.class, spec -> spec.withId("support-confirm")));

        assertThat(_get(Dialog.class, spec -> spec.withId("support-reason-dialog")).isOpened()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("support-error")).getText())
                .isEqualTo("Only a scheduled, queued or running request can be stuck; this one is COMPLETED");
        assertThat(f.status(stuck)).isEqualTo("COMPLETED");
        assertThat(f.actions(stuck)).isEmpty();
        assertThat(ids()).as("the grid was refreshed").doesNotContain(stuck);
    }

    @Test
    void a_reason_the_service_refuses_is_marked_on_the_field() {
        _click(action(failed));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("support-reason"));
        reason.setValue("x".repeat(PushRequestAction.MAX_REASON + 1));
        _click(_get(Button.class, spec -> spec.withId("support-confirm")));

        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("The reason is 501 characters long; keep it within 500");
        assertThat(f.status(failed)).isEqualTo("FAILED");
        assertThat(f.actions(failed)).isEmpty();
    }

    @Test
    void the_district_sees_who_retried_its_request_when_and_why_in_its_batch_queue() {
        _click(action(failed));
        _get(TextArea.class, spec -> spec.withId("support-reason")).setValue("Serialization failure; retry is safe");
        _click(_get(Button.class, spec -> spec.withId("support-confirm")));
        KaribuSession.close();

        KaribuSession.open(context, "alpha.push");
        UI.getCurrent().navigate("push-all-course-masters");
        @SuppressWarnings("unchecked")
        Grid<PushRequestSummary> queue = _get(Grid.class, spec -> spec.withId("queue-grid"));
        int row = IntStream.range(0, GridKt._size(queue)).filter(i -> GridKt._get(queue, i).id().equals(failed))
                .findFirst().orElseThrow();
        assertThat(get_textRecursively(GridKt._getCellComponent(queue, row, "status")))
                .contains("Failed", "The push failed: could not serialize access")
                .containsPattern("Retried by support \\(Sam Support\\) on [A-Z][a-z]{2} \\d{1,2}, \\d{4}, "
                        + "\\d{1,2}:\\d\\d [AP]M E[SD]T: Serialization failure; retry is safe");
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_districts_grid_reads_the_requests_of_24_hours_in_words_in_the_order_of_a_requests_life() {
        f.stuck("QUEUED", null);
        f.stuck("CANCELLED", null);
        f.stuck("CANCELLED", null);
        f.stuck("COMPLETED_WITH_WARNINGS", null);
        KaribuSession.close();
        KaribuSession.open(context, "support");
        UI.getCurrent().navigate(ROUTE);

        @SuppressWarnings("unchecked")
        Grid<DistrictStatus> districts = _get(Grid.class, spec -> spec.withId("districts-grid"));
        String alpha = GridKt._getFormattedRow(districts, 0).toString();
        assertThat(alpha).contains("Alpha Test District",
                "1 scheduled, 1 queued, 1 completed with warnings, 1 failed, 2 cancelled");
        assertThat(alpha).doesNotContain("{", "=", "COMPLETED_WITH_WARNINGS", "CANCELLED");
    }

    @Test
    void the_jobs_dashboard_opens_in_a_new_tab_and_the_support_view_stays_as_the_way_back() {
        Anchor jobs = _get(Anchor.class, spec -> spec.withId("open-jobs-dashboard"));

        assertThat(jobs.getHref()).isEqualTo("/support/jobs/");
        assertThat(jobs.getTarget()).contains("_blank");
        assertThat(jobs.getElement().getAttribute("rel")).contains("noopener");
        assertThat(jobs.getText()).contains("in a new tab");
    }

    private Grid<RequestNeedingAttention> grid() {
        return _get(Grid.class, spec -> spec.withId("attention-grid"));
    }

    private List<UUID> ids() {
        Grid<RequestNeedingAttention> grid = grid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).id()).toList();
    }

    private int index(UUID id) {
        int index = ids().indexOf(id);
        assertThat(index).as("row of %s", id).isNotNegative();
        return index;
    }

    private List<String> row(UUID id) {
        return GridKt._getFormattedRow(grid(), index(id));
    }

    private Button action(UUID id) {
        return (Button) GridKt._getCellComponent(grid(), index(id), "actions");
    }
}
