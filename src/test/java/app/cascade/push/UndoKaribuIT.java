package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.KaribuSession;
import app.cascade.push.engine.PlanCounts;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Undo in the Batch Queue List and the report dialog (issue 18): offered to a push admin on a finished push that may
 * be undone (not on an undo, not once undone), its dialog lists the preview, confirm stores one UNDO request that the
 * queue shows, a refusal shows in the dialog, a failed undo restarts as itself (decision 0024). A real push run through
 * {@link PushRuns} on the {@link PushFixture}; real services, jobs and database.
 */
@CascadeIntegrationTest
class UndoKaribuIT extends KaribuWithPushFixture {

    @Autowired
    PushUndoService undoService;

    private UUID push;

    /** As alpha.push: an Overwrite with sections, then one of its courses edited, so one course is left alone. */
    private void pushedAndOpened() {
        KaribuSession.open(context, "alpha.push");
        push = PushRuns.of(context).run(PushChangesIT.overwriteEverything(f));
        f.d.update("update course set description = 'Edited after the push' where id = ?", f.eng2.id());
        UI.getCurrent().navigate(PushQueueKaribuIT.ROUTE);
    }

    @SuppressWarnings("unchecked")
    private static Grid<PushRequestSummary> queue() {
        return _get(Grid.class, spec -> spec.withId("queue-grid"));
    }

    private static List<PushRequestSummary> rows() {
        return queue().getGenericDataView().getItems().toList();
    }

    private static int rowOf(UUID id) {
        return rows().stream().map(PushRequestSummary::id).toList().indexOf(id);
    }

    private static List<String> rowButtons(UUID id) {
        return _find(GridKt._getCellComponent(queue(), rowOf(id), "download"), Button.class).stream()
                .map(Button::getText).toList();
    }

    private static Button undoButton(UUID id) {
        return _get(GridKt._getCellComponent(queue(), rowOf(id), "download"), Button.class,
                spec -> spec.withText("Undo"));
    }

    private static <T extends Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    private long undoCount() {
        return f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_request where kind = 'UNDO'",
                Long.class));
    }

    private UUID undoRequest() {
        return f.inAlpha(() -> f.jdbc.queryForObject("select id from push_request where kind = 'UNDO'", UUID.class));
    }

    /** The undo's job runs on JobRunr: the next test wipes the district, so it must have ended first. */
    private void awaitUndoEnded() {
        await().pollInSameThread().atMost(Duration.ofSeconds(90)).until(() -> f.inAlpha(() -> f.jdbc.queryForObject(
                "select count(*) from push_request where status in ('QUEUED', 'RUNNING')", Long.class)) == 0);
    }

    @Test
    void a_finished_push_offers_undo_named_for_its_catalog_and_the_dialog_lists_what_the_preview_lists() {
        pushedAndOpened();
        UndoPreview preview = undoService.undoPreview(push);
        assertThat(preview.restores()).isNotEmpty();
        assertThat(preview.untouched()).isNotEmpty();

        Button undo = undoButton(push);
        assertThat(undo.getAriaLabel().orElseThrow()).contains("Undo the push of " + rows().get(rowOf(push)).catalog() + " (26-27)");
        ButtonKt._click(undo);

        Dialog dialog = byId(Dialog.class, "undo-dialog");
        assertThat(dialog.getHeaderTitle()).startsWith("Undo the push of ");
        PlanCounts t = preview.restores().stream().map(UndoPreview.Restore::counts)
                .reduce(PlanCounts.ZERO, PlanCounts::plus);
        assertThat(byId(Paragraph.class, "undo-summary").getText()).contains("Nothing has been changed yet",
                "put back " + preview.restores().size() + " course", "leave " + preview.untouched().size() + " course");
        // only the counts that are not zero, each with its noun
        String summary = byId(Paragraph.class, "undo-summary").getText();
        assertThat(summary).doesNotContain(" 0 ");
        if (t.updated() > 0) {
            assertThat(summary).contains("restore " + t.updated() + " item");
        }
        if (t.created() > 0) {
            assertThat(summary).contains("re-create " + t.created() + " item");
        }
        Component restores = byId(Component.class, "undo-restores");
        int changes = preview.restores().stream().mapToInt(r -> r.changes().size()).sum();
        assertThat(_find(restores, ListItem.class)).hasSize(preview.restores().size() + changes);
        String restoresText = get_textRecursively(restores);
        preview.restores().forEach(r -> assertThat(restoresText).contains(r.courseNumber() + " " + r.courseName()
                + " (" + r.school() + "): ").doesNotContain(": re-creates 0", "restores 0", "deletes 0"));
        preview.restores().stream().flatMap(r -> r.changes().stream()).forEach(c -> assertThat(restoresText)
                .contains(c.action() + ": " + c.dataType() + " " + c.item()));
        Component untouched = byId(Component.class, "undo-untouched");
        assertThat(_find(untouched, ListItem.class)).hasSize(preview.untouched().size());
        preview.untouched().forEach(u -> assertThat(get_textRecursively(untouched))
                .contains(u.courseNumber() + " " + u.courseName() + " (" + u.school() + "): " + u.reason().label()));
        assertThat(get_textRecursively(untouched)).contains("Changed since the push");
        assertThat(byId(Button.class, "undo-cancel").isAutofocus()).isTrue();

        ButtonKt._click(byId(Button.class, "undo-cancel"));
        assertThat(_find(Dialog.class, spec -> spec.withId("undo-dialog"))).isEmpty();
        assertThat(undoCount()).isZero();
        assertThat(undoButton(push).isEnabled()).isTrue();
    }

    @Test
    void confirm_stores_one_undo_request_the_queue_shows_it_completed_and_undo_is_offered_no_more() {
        pushedAndOpened();
        NotificationsKt.clearNotifications();
        ButtonKt._click(undoButton(push));
        Button confirm = byId(Button.class, "undo-confirm");
        assertThat(confirm.isDisableOnClick()).isTrue();

        ButtonKt._click(confirm);

        assertThat(undoCount()).isEqualTo(1);
        UUID undo = undoRequest();
        assertThat(_find(Dialog.class, spec -> spec.withId("undo-dialog"))).isEmpty();
        PushRequestSummary row = rows().get(rowOf(undo));
        assertThat(NotificationsKt.getNotifications()).singleElement().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).startsWith("The undo of the push of " + row.catalog())
                .contains("is starting now").doesNotContain(undo.toString()));
        assertThat(row.kind()).isEqualTo(PushKind.UNDO);
        assertThat(GridKt._getFormattedRow(queue(), rowOf(undo))).contains("Undo of " + row.catalog());
        assertThat(rowButtons(push)).doesNotContain("Undo");

        awaitUndoEnded();
        MockVaadin.clientRoundtrip(false);
        assertThat(rows().get(rowOf(undo)).status()).isIn(PushStatus.COMPLETED, PushStatus.COMPLETED_WITH_WARNINGS);
        assertThat(rowButtons(undo)).contains("Get the report").doesNotContain("Undo", "Restart");
        assertThat(rowButtons(push)).doesNotContain("Undo");
    }

    @Test
    void a_refusal_shows_its_message_in_the_dialog_and_stores_nothing() {
        pushedAndOpened();
        ButtonKt._click(undoButton(push));
        UUID other = PushRuns.of(context).undo(push); // undone meanwhile, e.g. from another screen

        ButtonKt._click(byId(Button.class, "undo-confirm"));

        Paragraph error = byId(Paragraph.class, "undo-error");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("undone already, by undo request " + other);
        assertThat(error.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(byId(Button.class, "undo-confirm").isEnabled()).isFalse();
        assertThat(undoCount()).isEqualTo(1);
    }

    @Test
    void the_report_dialog_of_an_undoable_push_offers_undo_and_a_failed_undo_restarts_as_itself() {
        pushedAndOpened();
        ButtonKt._click(_get(GridKt._getCellComponent(queue(), rowOf(push), "download"), Button.class,
                spec -> spec.withText("Get the report")));
        Button reportUndo = byId(Button.class, "report-undo");
        assertThat(reportUndo.getAriaLabel().orElseThrow()).isEqualTo("Undo this push");
        ButtonKt._click(reportUndo);
        assertThat(_find(Dialog.class, spec -> spec.withId("report-dialog"))).isEmpty();
        ButtonKt._click(byId(Button.class, "undo-confirm"));
        awaitUndoEnded();
        UUID undo = undoRequest();
        // the notification's link (bell and mail) opens the undo's report, named for what it is
        UI.getCurrent().navigate(PushQueueKaribuIT.ROUTE, QueryParameters.of("request", undo.toString()));
        Dialog report = _get(Dialog.class, spec -> spec.withId("report-dialog"));
        assertThat(report.getHeaderTitle()).isEqualTo("Undo report: High School Catalog 26-27");
        report.close();
        f.inAlpha(() -> f.jdbc.update("update push_request set status = 'FAILED' where id = ?", undo));

        UI.getCurrent().navigate("catalogs");
        UI.getCurrent().navigate(PushQueueKaribuIT.ROUTE);

        assertThat(rows().get(rowOf(undo)).status()).isEqualTo(PushStatus.FAILED);
        assertThat(rowButtons(undo)).containsExactly("Get the report", "Restart");
        ButtonKt._click(_get(GridKt._getCellComponent(queue(), rowOf(push), "download"), Button.class,
                spec -> spec.withText("Get the report")));
        assertThat(_find(Button.class, spec -> spec.withId("report-undo"))).isEmpty();
        _get(Dialog.class, spec -> spec.withId("report-dialog")).close();

        ButtonKt._click(_get(GridKt._getCellComponent(queue(), rowOf(undo), "download"), Button.class,
                spec -> spec.withText("Restart")));
        awaitUndoEnded();
        assertThat(undoCount()).as("an undo restarts as itself, not as a second undo").isOne();
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select status from push_request where id = ?",
                String.class, undo))).isEqualTo("COMPLETED_WITH_WARNINGS");
    }

    @Test
    void a_viewer_is_offered_no_undo_and_may_neither_preview_nor_undo() {
        KaribuSession.open(context, "alpha.push");
        push = PushRuns.of(context).run(PushChangesIT.overwriteEverything(f));
        KaribuSession.close();

        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate(PushQueueKaribuIT.ROUTE);
        assertThat(_find(Grid.class, spec -> spec.withId("queue-grid"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Undo"))).isEmpty();
        assertThatThrownBy(() -> undoService.undoPreview(push)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> undoService.undo(push)).isInstanceOf(AccessDeniedException.class);
        assertThat(undoService.undoable(List.of(push))).as("as the API's links.undo").containsExactly(push);
        assertThat(undoCount()).isZero();
    }
}
