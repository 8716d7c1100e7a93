package app.cascade.push.ui;

import app.cascade.catalog.SchoolYearRef;
import app.cascade.push.PushCommand;
import app.cascade.push.PushRequestService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Push to Courses (push-rules §7), the one dialog for pushing a single master, opened from the master's details and
 * from a row of the Course Master Awaiting Push report: the Push All Course Masters options (year, mode, to
 * sections, data) for one master, Run Now or Submit to Batch as the same background job, so the request shows in the
 * Batch Queue List. Overwrite asks first. Only for push admins; the service refuses anyone else.
 */
public class PushToCoursesDialog extends Dialog {

    private final PushForm<?> form;
    private Runnable submitted = () -> {
    };

    public PushToCoursesDialog(long masterId, String masterLabel, List<SchoolYearRef> years,
                               PushRequestService requests, ZoneId zone) {
        setId("push-to-courses-dialog");
        setHeaderTitle("Push to Courses: " + masterLabel);
        setWidth("min(46em, 95vw)");
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
        PushActions actions = new PushActions(new PushActions.Ids("master-push-run-now", "master-push-run-at",
                "master-push-batch"), form, requests, zone, "See it in the Batch Queue List; you will be notified "
                + "when it ends.", at -> {
                    close();
                    submitted.run();
                });
        add(intro, form, actions);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("push-to-courses-cancel");
        getFooter().add(cancel);
    }

    /** Starts with {@code year} chosen, when there is one (e.g. the year a report is filtered by). */
    public PushToCoursesDialog preferYear(Optional<SchoolYearRef> year) {
        year.flatMap(preferred -> form.year.getListDataView().getItems().filter(y -> y.id() == preferred.id())
                .findFirst()).ifPresent(form.year::setValue);
        return this;
    }

    /** Runs {@code action} after a request was stored (and the dialog closed). */
    public PushToCoursesDialog onSubmitted(Runnable action) {
        this.submitted = action;
        return this;
    }

    /** The command the dialog would submit, for tests and callers that need it. */
    Optional<PushCommand> command() {
        return form.command();
    }
}
