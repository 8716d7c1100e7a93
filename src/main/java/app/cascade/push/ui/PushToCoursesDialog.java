package app.cascade.push.ui;

import app.cascade.catalog.SchoolYearRef;
import app.cascade.push.PushCommand;
import app.cascade.push.PushBusyException;
import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushStateException;
import app.cascade.push.PushValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Push to Courses (push-rules §7): the Push All Course Masters options (year, mode, to sections, data) for one
 * master, submitted as the same background job, so the request shows in the Batch Queue List. Overwrite asks first.
 * Only for push admins; the service refuses anyone else.
 */
public class PushToCoursesDialog extends Dialog {

    private final transient PushRequestService requests;
    private final ZoneId zone;
    private final String masterLabel;
    private final PushForm<?> form;
    private final DateTimePicker runAt = new DateTimePicker("Run at");

    public PushToCoursesDialog(long masterId, String masterLabel, List<SchoolYearRef> years,
                               PushRequestService requests, ZoneId zone) {
        this.requests = requests;
        this.zone = zone;
        this.masterLabel = masterLabel;
        setId("push-to-courses-dialog");
        setHeaderTitle("Push to Courses: " + masterLabel);
        setWidth("46em");
        form = new PushForm<>(years, PushScope.master(masterId, masterLabel));
        Paragraph intro = new Paragraph("Pushes the data locked in this master's catalog to every course linked to "
                + "it in the selected year. The request runs in the background and shows in the Batch Queue List of "
                + "Push All Course Masters.");
        intro.addClassName("cascade-intro");
        if (!requests.batchReportingOn()) {
            Paragraph off = new Paragraph(PushTool.BATCH_OFF);
            off.setId("push-to-courses-batch-off");
            off.addClassName("cascade-banner-warning");
            add(off);
        }
        runAt.setId("master-push-run-at");
        runAt.setHelperText("District time (" + zone.getId() + ")");
        runAt.setStep(Duration.ofMinutes(15));
        runAt.setMin(LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES));
        runAt.setValue(LocalDate.now(zone).plusDays(1).atTime(22, 0));
        add(intro, form, runAt);

        Button cancel = new Button("Cancel", e -> close());
        Button runNow = new Button("Run Now", VaadinIcon.PLAY.create(), e -> confirmed(null));
        runNow.setId("master-push-run-now");
        runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button batch = new Button("Submit to Batch", VaadinIcon.CLOCK.create(), e -> {
            if (runAt.getValue() == null) {
                runAt.setInvalid(true);
                runAt.setErrorMessage("Choose when the push should run");
                return;
            }
            runAt.setInvalid(false);
            confirmed(runAt.getValue().atZone(zone).toInstant());
        });
        batch.setId("master-push-batch");
        getFooter().add(cancel, batch, runNow);
    }

    /** Submits at once for Push locked data; Overwrite asks first, with a warning unless the year is future. */
    private void confirmed(Instant at) {
        if (form.command().isEmpty()) {
            return;
        }
        if (!form.overwrite()) {
            submit(at);
            return;
        }
        SchoolYearRef year = form.selectedYear().orElseThrow();
        boolean future = year.startDate().isAfter(LocalDate.now(zone));
        String text = form.scope().overwriteText() + (future ? ""
                : " " + PushTool.OVERWRITE_WARNING.formatted(year.code()));
        ConfirmDialog confirm = new ConfirmDialog("Overwrite existing course and section level data?", text,
                "Overwrite", e -> submit(at));
        confirm.setId("overwrite-confirm");
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void submit(Instant at) {
        form.command().ifPresent(command -> {
            try {
                requests.submit(command, at);
            } catch (PushValidationException | PushStateException | PushNotFoundException
                | PushBusyException e) {
                Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            close();
            String when = at == null ? "is starting now" : "is scheduled for "
                    + PushQueue.TIME.format(at.atZone(zone));
            Notification.show("The push of " + masterLabel + " (" + form.year.getValue().code() + ") " + when
                    + ". See it in the Batch Queue List; you will be notified when it ends.")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
    }

    /** The command the dialog would submit, for tests and callers that need it. */
    java.util.Optional<PushCommand> command() {
        return form.command();
    }
}
