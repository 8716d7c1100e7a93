package app.cascade.push.ui;

import app.cascade.catalog.SchoolYearRef;
import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import app.cascade.push.PushBusyException;
import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushService;
import app.cascade.push.PushStateException;
import app.cascade.push.PushValidationException;
import app.cascade.reports.PushReportExporter;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * What every push tool shares below its title: the Batch Reporting banner, the {@link PushForm}, Preview, Run Now
 * and Submit to Batch (Overwrite asks first), and the Batch Queue List, updated live from any node.
 */
class PushTool extends VerticalLayout {

    static final String BATCH_OFF = "Batch Reporting is turned off for this district. Push requests (Run Now "
            + "included) will wait in the Batch Queue List until a district admin turns Batch Reporting on.";
    static final String OVERWRITE_WARNING = "Warning: %s is not a future year. Overwrite is recommended only for "
            + "future years: for a year that has started, teachers' setup will be wiped and grades and scores may "
            + "need to be moved by hand.";

    /** The services a push tool uses. */
    record Services(PushRequestService requests, PushService pushes, PushEvents events,
                    PushReportExporter exporter, String tenantId, ZoneId zone) {
    }

    private final transient Services services;
    private final PushForm<?> form;
    private final PushQueue queue;
    private final DateTimePicker runAt = new DateTimePicker("Run at");
    /** Run Now and Submit to Batch disable themselves on click, so a double click never submits twice. */
    private final Button runNow;
    private final Button batch;
    private final LivePushEvents live = new LivePushEvents();

    PushTool(Services services, PushForm<?> form) {
        this.services = services;
        this.form = form;
        setPadding(false);
        if (!services.requests().batchReportingOn()) {
            Div banner = new Div(VaadinIcon.WARNING.create(), new Paragraph(BATCH_OFF));
            banner.setId("batch-reporting-off");
            banner.addClassName("cascade-banner-warning");
            add(banner);
        }
        queue = new PushQueue(services.requests(), services.zone(),
                new PushQueue.Actions(this::openReport, this::cancel, this::restart));
        runNow = new Button("Run Now", VaadinIcon.PLAY.create(), e -> confirmed(() -> submit(null)));
        batch = new Button("Submit to Batch", VaadinIcon.CLOCK.create(), e -> submitToBatch());
        add(form, actions(), new H3("Batch Queue List"), queue);
        queue.refresh();
    }

    private void enableSubmit() {
        runNow.setEnabled(true);
        batch.setEnabled(true);
    }

    private HorizontalLayout actions() {
        ZoneId zone = services.zone();
        Button preview = new Button("Preview", VaadinIcon.EYE.create(), e -> preview());
        preview.setId("push-preview");
        runNow.setId("push-run-now");
        runNow.setDisableOnClick(true);
        runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runAt.setId("push-run-at");
        runAt.setHelperText("District time (" + zone.getId() + ")");
        runAt.setStep(java.time.Duration.ofMinutes(15));
        runAt.setMin(LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES));
        runAt.setValue(LocalDate.now(zone).plusDays(1).atTime(22, 0));
        batch.setId("push-submit-batch");
        batch.setDisableOnClick(true);
        HorizontalLayout bar = new HorizontalLayout(preview, runNow, runAt, batch);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void preview() {
        form.command().ifPresent(command -> guarded(() -> new PreviewDialog(form.title(),
                services.pushes().preview(command), services.exporter(), form.scope().previewEmpty()).open()));
    }

    private void submitToBatch() {
        if (runAt.getValue() == null) {
            runAt.setInvalid(true);
            runAt.setErrorMessage("Choose when the push should run");
            enableSubmit();
            return;
        }
        runAt.setInvalid(false);
        confirmed(() -> submit(runAt.getValue().atZone(services.zone()).toInstant()));
    }

    /** Runs {@code action} at once for Push locked data; Overwrite asks first, with a warning unless future. */
    private void confirmed(Runnable action) {
        if (form.command().isEmpty()) {
            enableSubmit();
            return;
        }
        if (!form.overwrite()) {
            action.run();
            return;
        }
        SchoolYearRef year = form.selectedYear().orElseThrow();
        boolean future = year.startDate().isAfter(LocalDate.now(services.zone()));
        String text = form.scope().overwriteText() + (future ? "" : " " + OVERWRITE_WARNING.formatted(year.code()));
        ConfirmDialog confirm = new ConfirmDialog("Overwrite existing course and section level data?", text,
                "Overwrite", e -> action.run());
        confirm.setId("overwrite-confirm");
        confirm.setCancelable(true);
        confirm.addCancelListener(e -> enableSubmit());
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void submit(Instant at) {
        try {
            form.command().ifPresent(command -> guarded(() -> {
                services.requests().submit(command, at);
                if (at != null) {
                    queue.include(at);
                }
                queue.refresh();
                String when = at == null ? "is starting now" : "is scheduled for "
                        + PushQueue.TIME.format(at.atZone(services.zone()));
                Notification.show("The push of " + form.title() + " " + when + ". You will be notified when it "
                        + "ends.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }));
        } finally {
            enableSubmit();
        }
    }

    private void openReport(PushRequestSummary request) {
        guarded(() -> new ReportDialog(request, services.pushes().reportRows(request.id()), services.exporter())
                .open());
    }

    private void cancel(PushRequestSummary request) {
        guarded(() -> {
            services.requests().cancel(request.id());
            queue.refresh();
        });
    }

    private void restart(PushRequestSummary request) {
        guarded(() -> {
            services.requests().restart(request.id());
            queue.refresh();
        });
    }

    /** Shows the services' refusals (validation, state) as an error toast instead of an error page. */
    private static void guarded(Runnable action) {
        try {
            action.run();
        } catch (PushValidationException | PushStateException | PushNotFoundException
                | PushBusyException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
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
