package app.cascade.push.ui;

import app.cascade.push.DistrictTime;
import app.cascade.push.PushBusyException;
import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import app.cascade.push.PushKind;
import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushRestart;
import app.cascade.push.PushService;
import app.cascade.push.PushUndoService;
import app.cascade.push.PushStateException;
import app.cascade.push.PushValidationException;
import app.cascade.push.UndoPreview;
import app.cascade.push.PushReportExporter;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every push tool shares below its title: the Batch Reporting banner, the {@link PushForm}, Preview and the
 * {@link PushActions} (Run Now, Run at, Submit to Batch), and the Batch Queue List, updated live from any node, with
 * Cancel (confirmed), Restart (keeping the schedule; an Overwrite of a year that has started is confirmed) and,
 * for a push admin, Undo of a finished push (its preview confirmed, in the row and in the report dialog).
 */
class PushTool extends VerticalLayout {

    static final String BATCH_OFF = "Batch Reporting is turned off for this district. Push requests (Run Now "
            + "included) will wait in the Batch Queue List until a district admin turns Batch Reporting on.";

    /**
     * The services a push tool uses.
     *
     * @param mayUndo whether the signed-in user may undo a push (role PUSH_ADMIN): else no Undo is offered
     */
    record Services(PushRequestService requests, PushService pushes, PushUndoService undos, boolean mayUndo,
                    PushEvents events, PushReportExporter exporter, String tenantId, ZoneId zone) {
    }

    private final transient Services services;
    private final PushForm<?> form;
    private final PushQueue queue;
    private final LivePushEvents live = new LivePushEvents();

    PushTool(Services services, PushForm<?> form) {
        this.services = services;
        this.form = form;
        setPadding(false);
        if (!services.requests().batchReportingOn()) {
            Anchor settings = new Anchor("district-settings", "District settings");
            settings.setId("batch-reporting-settings");
            Div banner = new Div(VaadinIcon.WARNING.create(),
                    new Paragraph(new Text(BATCH_OFF + " District admins find the switch in "), settings,
                            new Text(".")));
            banner.setId("batch-reporting-off");
            banner.addClassName("cascade-banner-warning");
            add(banner);
        }
        queue = new PushQueue(services.requests(), services.zone(),
                new PushQueue.Actions(this::openReport, this::cancel, this::restart, this::undo,
                        services.mayUndo() ? ids -> services.undos().undoable(ids) : null));
        PushActions actions = new PushActions(new PushActions.Ids("push-run-now", "push-run-at", "push-submit-batch"),
                form, services.requests(), services.zone(), "You will be notified when it ends.", at -> {
                    if (at != null) {
                        queue.include(at);
                    }
                    queue.refresh();
                });
        Button preview = new Button("Preview", VaadinIcon.EYE.create(), e -> preview(e.getSource()));
        preview.setId("push-preview");
        preview.setDisableOnClick(true);
        actions.addComponentAsFirst(preview);
        add(form, actions, new H3("Batch Queue List"), queue);
        queue.refresh();
    }

    private void preview(Button preview) {
        try {
            form.command().ifPresent(command -> guarded(() -> new PreviewDialog(form.title(),
                    services.pushes().preview(command), services.exporter(), form.scope().previewEmpty()).open()));
        } finally {
            preview.setEnabled(true);
        }
    }

    /** Opens the report of request {@code id}, as the notification bell's and mail's link asks; else an error toast. */
    void openReport(UUID id) {
        answered(() -> services.requests().summary(id)).ifPresent(this::openReport);
    }

    private void openReport(PushRequestSummary request) {
        Runnable undo = queue.undoable(request) ? () -> undo(request, () -> { }) : null;
        guarded(() -> new ReportDialog(request, services.pushes().reportRows(request.id()), services.exporter(),
                undo).open());
    }

    /**
     * Shows the undo's preview and asks first; "Undo push" stores the undo request, and a toast names it. A refusal
     * of the preview shows as an error toast, of the undo in the dialog.
     */
    private void undo(PushRequestSummary request, Runnable enable) {
        Optional<UndoPreview> preview = answered(() -> services.undos().undoPreview(request.id()));
        enable.run();
        if (preview.isEmpty()) {
            queue.refresh();
            return;
        }
        String what = describe(request);
        new UndoDialog(what, preview.get(), () -> services.undos().undo(request.id()), () -> undone(what))
                .open();
    }

    private void undone(String what) {
        String when = services.requests().batchReportingOn() ? "is starting now"
                : "is queued: it waits until a district admin turns Batch Reporting on";
        Notification.show("The undo of the push of " + what + " " + when
                + ". You will be notified when it ends.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        queue.refresh();
    }

    /** Asks first; the red button cancels, and a toast says so. */
    private void cancel(PushRequestSummary request, Runnable enable) {
        String what = "The push of " + describe(request) + " scheduled for "
                + DistrictTime.format(request.scheduledAt(), services.zone());
        Confirmations.open("cancel-confirm", "Cancel this push request?", what + " will not run. You can restart "
                + "it later from the Batch Queue List.", "Cancel the push", "Keep it", () -> {
                    if (guarded(() -> services.requests().cancel(request.id()))) {
                        Notification.show(what + " was cancelled.")
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    }
                    enable.run();
                    queue.refresh();
                }, enable);
    }

    /**
     * Restarts with the same settings and schedule (decision 0019): at the scheduled time while it is still ahead,
     * else now. An Overwrite of a school year that has started asks as a new one does.
     */
    private void restart(PushRequestSummary request, Runnable enable) {
        Optional<PushRestart> asked = answered(() -> services.requests().restartPlan(request.id()));
        if (asked.isEmpty()) {
            enable.run();
            return;
        }
        PushRestart plan = asked.get();
        String when = plan.runAt() == null ? "runs now"
                : "is scheduled for " + DistrictTime.format(plan.runAt(), services.zone())
                + ", the time it was scheduled for";
        if (!plan.overwriteAsksFirst()) {
            restart(request, false, when, enable);
            return;
        }
        Confirmations.overwrite(PushScope.overwriteText(request.kind()) + " "
                        + PushActions.OVERWRITE_WARNING.formatted(request.schoolYear()) + " Restarted, the push " + when
                        + ".", () -> restart(request, true, when, enable), enable);
    }

    private void restart(PushRequestSummary request, boolean overwriteConfirmed, String when, Runnable enable) {
        if (guarded(() -> services.requests().restart(request.id(), overwriteConfirmed))) {
            Notification.show(request.kind() == PushKind.UNDO
                            ? "The undo of the push of " + (request.catalog() == null ? "courses" : request.catalog())
                            + " (" + request.schoolYear() + ") was restarted: it runs again now, with the courses it"
                            + " had not restored yet."
                            : "The push of " + describe(request) + " was restarted: it " + when + ".")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        enable.run();
        queue.refresh();
    }

    /** "High School Catalog (26-27)", as a toast names a request of the queue. */
    private static String describe(PushRequestSummary request) {
        return (request.kind() == PushKind.COURSES ? "all courses" : PushQueue.pushed(request)) + " ("
                + request.schoolYear() + ")";
    }

    /** Runs {@code action}, showing the services' refusals as an error toast; false if refused. */
    private static boolean guarded(Runnable action) {
        return answered(() -> {
            action.run();
            return true;
        }).isPresent();
    }

    /** What {@code query} answers; empty after showing the services' refusal as an error toast. */
    private static <T> Optional<T> answered(Supplier<T> query) {
        try {
            return Optional.of(query.get());
        } catch (RuntimeException e) {
            if (!showRefusal(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /**
     * Shows a refusal of the push services (validation, state, not found, busy) as an error toast; false if
     * {@code e} is none of them.
     */
    static boolean showRefusal(RuntimeException e) {
        if (!(e instanceof PushValidationException || e instanceof PushStateException
                || e instanceof PushNotFoundException || e instanceof PushBusyException)) {
            return false;
        }
        Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
        return true;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        live.start(services.events(), attachEvent.getUI(),
                event -> PushEvent.REQUEST.equals(event.kind()) && services.tenantId().equals(event.tenantId()),
                queue::refresh);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        live.stop();
        super.onDetach(detachEvent);
    }
}
