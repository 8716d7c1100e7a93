package app.cascade.push.ui;

import app.cascade.catalog.SchoolYearRef;
import app.cascade.push.DistrictTime;
import app.cascade.push.OverwriteCheck;
import app.cascade.push.PushCommand;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushValidationException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Run Now, Run at and Submit to Batch for a {@link PushForm}, as the push tools and Push to Courses share them.
 * Overwrite asks first (with a warning for a school year that has started). Both buttons disable themselves on
 * click (in the browser at once, and on the server): a refusal or backing out of the confirmation enables them
 * again at once; a stored request disables both and enables them only after {@link #PAUSE}, so that neither the
 * second click of a double click nor a click queued behind the first submits the push twice. A refused time marks
 * the Run at field with the service's message.
 */
class PushActions extends HorizontalLayout {

    static final String OVERWRITE_WARNING = "Warning: %s is not a future year. Overwrite is recommended only for "
            + "future years: for a year that has started, teachers' setup will be wiped and grades and scores may "
            + "need to be moved by hand.";

    /** How long Run Now and Submit to Batch stay disabled after a request was stored. */
    static final Duration PAUSE = Duration.ofSeconds(2);

    /** The element ids, so that each place keeps its own. */
    record Ids(String runNow, String runAt, String batch) {
    }

    final Button runNow;
    final DateTimePicker runAt = new DateTimePicker("Run at");
    final Button batch;
    private final PushForm<?> form;
    private final transient PushRequestService requests;
    private final ZoneId zone;
    private final String afterSubmit;
    private final transient Consumer<Instant> submitted;

    /**
     * @param afterSubmit what the success toast adds, e.g. where to find the request
     * @param submitted   called with the scheduled time (null for Run Now) after a request was stored
     */
    PushActions(Ids ids, PushForm<?> form, PushRequestService requests, ZoneId zone, String afterSubmit,
                Consumer<Instant> submitted) {
        this.form = form;
        this.requests = requests;
        this.zone = zone;
        this.afterSubmit = afterSubmit;
        this.submitted = submitted;
        addClassName("cascade-push-actions");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        runNow = new Button("Run Now", VaadinIcon.PLAY.create(), e -> confirmed(null));
        runNow.setId(ids.runNow());
        runNow.setDisableOnClick(true);
        runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runAt.setId(ids.runAt());
        runAt.setHelperText("District time (" + zone.getId() + ")");
        runAt.setStep(Duration.ofMinutes(15));
        runAt.setMin(LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES));
        runAt.setValue(LocalDate.now(zone).plusDays(1).atTime(22, 0));
        runAt.addValueChangeListener(e -> runAt.setInvalid(false));
        batch = new Button("Submit to Batch", VaadinIcon.CLOCK.create(), e -> submitToBatch());
        batch.setId(ids.batch());
        batch.setDisableOnClick(true);
        add(runNow, runAt, batch);
    }

    private void enable() {
        runNow.setEnabled(true);
        batch.setEnabled(true);
    }

    private void submitToBatch() {
        if (runAt.getValue() == null) {
            runAt.setInvalid(true);
            runAt.setErrorMessage("Choose when the push should run");
            enable();
            return;
        }
        confirmed(runAt.getValue().atZone(zone).toInstant());
    }

    /** Submits at once for Push locked data; Overwrite asks first, with a warning for a year that has started. */
    private void confirmed(Instant at) {
        if (form.command().isEmpty()) {
            enable();
            return;
        }
        if (!form.overwrite()) {
            submit(at);
            return;
        }
        SchoolYearRef year = form.selectedYear().orElseThrow();
        boolean started = OverwriteCheck.yearHasStarted(year.startDate(), zone);
        Confirmations.overwrite(form.scope().overwriteText() + (started ? " " + OVERWRITE_WARNING.formatted(
                year.code()) : ""), () -> submit(at), this::enable);
    }

    private void submit(Instant at) {
        Optional<PushCommand> command = form.command();
        if (command.isEmpty()) {
            enable();
            return;
        }
        try {
            requests.submit(command.get(), at);
        } catch (PushValidationException e) {
            if ("scheduledAt".equals(e.field())) {
                runAt.setInvalid(true);
                runAt.setErrorMessage(e.getMessage());
            }
            enable();
            PushTool.showRefusal(e);
            return;
        } catch (RuntimeException e) {
            enable();
            if (!PushTool.showRefusal(e)) {
                throw e;
            }
            return;
        }
        runAt.setInvalid(false);
        runNow.setEnabled(false);
        batch.setEnabled(false);
        enableAfterPause();
        String when = at != null ? "is scheduled for " + DistrictTime.format(at, zone)
                : requests.batchReportingOn() ? "is starting now"
                : "is queued: it waits until a district admin turns Batch Reporting on";
        Notification.show("The push of " + form.title() + " " + when + ". " + afterSubmit)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        submitted.accept(at);
    }

    private void enableAfterPause() {
        UI ui = UI.getCurrent();
        CompletableFuture.delayedExecutor(PAUSE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            try {
                ui.access(this::enable);
            } catch (UIDetachedException closedMeanwhile) {
                // the screen has gone: nothing to enable
            }
        });
    }
}
