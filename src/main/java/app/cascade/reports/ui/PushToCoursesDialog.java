package app.cascade.reports.ui;

import app.cascade.catalog.SchoolYearRef;
import app.cascade.push.PushCommand;
import app.cascade.push.PushBusyException;
import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushStateException;
import app.cascade.push.PushValidationException;
import app.cascade.push.engine.DataType;
import app.cascade.push.engine.PushMode;
import app.cascade.reports.AwaitingPushRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Push to Courses, from the Awaiting Push report: the master's locked data, every data type, to its linked courses of
 * the chosen year, as a background push request (it shows in the Batch Queue List). Asks for the year and the mode;
 * Overwrite says plainly what it does, and warns unless the year is still to come.
 */
class PushToCoursesDialog extends Dialog {

    static final String OVERWRITE_TEXT = "Overwrite replaces the courses' and sections' grading setup with the course "
            + "master's. Setup without grades or assignments is deleted; setup with them is kept as \"course "
            + "managed\".";

    final ComboBox<SchoolYearRef> year = new ComboBox<>("School year");
    final RadioButtonGroup<PushMode> mode = new RadioButtonGroup<>("Push Mode");
    final Button push = new Button("Push to Courses");
    private final Paragraph warning = new Paragraph();

    PushToCoursesDialog(AwaitingPushRow master, List<SchoolYearRef> years, Optional<SchoolYearRef> preferred,
                        ZoneId zone, PushRequestService requests, Runnable done) {
        setId("push-to-courses-dialog");
        setHeaderTitle("Push to Courses: " + master.masterNumber() + " " + master.masterName());
        year.setId("push-to-courses-year");
        year.setItems(years);
        year.setItemLabelGenerator(y -> y.code() + (y.current() ? " (current)" : ""));
        year.setRequired(true);
        preferred.or(() -> years.stream().filter(SchoolYearRef::current).findFirst()).ifPresent(year::setValue);
        mode.setId("push-to-courses-mode");
        mode.setItems(PushMode.values());
        mode.setItemLabelGenerator(PushMode::label);
        mode.setValue(PushMode.PUSH_LOCKED);
        warning.setId("push-to-courses-warning");
        warning.addClassName("cascade-banner-warning");
        mode.addValueChangeListener(e -> explain(zone));
        year.addValueChangeListener(e -> explain(zone));
        explain(zone);
        Paragraph what = new Paragraph("Pushes the data locked in " + master.catalog() + " (all data types) from "
                + master.masterNumber() + " to its linked courses of the chosen year. Courses with Ignore Master "
                + "Push are skipped.");
        add(new VerticalLayout(what, year, mode, warning));

        push.setId("push-to-courses-confirm");
        push.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        push.setDisableOnClick(true);
        push.addClickListener(e -> {
            push.setEnabled(true);
            if (submit(master, requests)) {
                close();
                done.run();
            }
        });
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("push-to-courses-cancel");
        getFooter().add(cancel, push);
    }

    /** Whether the request was stored; a refusal is shown, and the dialog stays open. */
    private boolean submit(AwaitingPushRow master, PushRequestService requests) {
        if (year.isEmpty()) {
            year.setInvalid(true);
            year.setErrorMessage("Choose the school year whose courses to push to");
            return false;
        }
        try {
            requests.submit(PushCommand.master(master.masterId(), year.getValue().id(), mode.getValue(), false,
                    EnumSet.allOf(DataType.class)), null);
            Notification.show("The push of " + master.masterNumber() + " to its " + year.getValue().code()
                            + " courses is starting now. You will be notified when it ends.")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return true;
        } catch (PushValidationException | PushStateException | PushNotFoundException
                | PushBusyException refused) {
            Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }

    private void explain(ZoneId zone) {
        boolean overwrite = mode.getValue() == PushMode.OVERWRITE;
        warning.setVisible(overwrite);
        if (overwrite) {
            boolean future = year.getValue() != null && year.getValue().startDate().isAfter(LocalDate.now(zone));
            warning.setText(OVERWRITE_TEXT + (future || year.getValue() == null ? "" : " Warning: "
                    + year.getValue().code() + " is not a future year; Overwrite is recommended only for future "
                    + "years."));
        }
        push.setText(overwrite ? "Overwrite and push" : "Push to Courses");
    }
}
