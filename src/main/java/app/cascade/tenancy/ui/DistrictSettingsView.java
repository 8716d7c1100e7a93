package app.cascade.tenancy.ui;

import app.cascade.security.Roles;
import app.cascade.tenancy.BatchReportingState;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.DistrictSettings;
import app.cascade.tenancy.Tenant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * District admins turn the district's Batch Reporting on and off here, read what it does, and see who changed it
 * last. The view only calls {@link DistrictSettings}, which checks the role and records the change.
 */
@Route("district-settings")
@PageTitle("District settings | Cascade")
@Menu(title = "District settings", order = 95, icon = "COG")
@RolesAllowed(Roles.DISTRICT_ADMIN)
public class DistrictSettingsView extends VerticalLayout {

    static final String EFFECT = "While Batch Reporting is on, push requests run: Run Now at once, Submit to Batch at"
            + " its scheduled time. While it is off, every push request waits in the Batch Queue List as Queued and"
            + " changes nothing; turning it on starts the waiting requests at once.";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy 'at' h:mm a z",
            Locale.US);

    private final transient DistrictSettings settings;
    private final transient Tenant district;
    private final Checkbox batchReporting = new Checkbox("Batch Reporting");
    private final Paragraph lastChange = new Paragraph();

    public DistrictSettingsView(DistrictSettings settings, CurrentTenant currentTenant) {
        this.settings = settings;
        this.district = currentTenant.require();
        addClassName("cascade-view");
        setId("district-settings");
        batchReporting.setId("batch-reporting-switch");
        batchReporting.setHelperText(EFFECT);
        lastChange.setId("batch-reporting-last-change");
        lastChange.addClassName("cascade-setting-last-change");
        BatchReportingState state = settings.batchReportingState();
        batchReporting.setValue(state.on());
        show(state);
        batchReporting.addValueChangeListener(e -> switchTo(e.getValue()));
        add(new H2("District settings"), new Paragraph(district.displayName()), new H3("Batch Reporting"),
                batchReporting, lastChange);
    }

    private void switchTo(boolean on) {
        settings.setBatchReporting(on);
        show(settings.batchReportingState());
        Notification.show(on ? "Batch Reporting is on: push requests that waited start now."
                        : "Batch Reporting is off: push requests wait in the Batch Queue List until it is on.")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void show(BatchReportingState state) {
        lastChange.setText(state.lastChange()
                .map(c -> "Turned %s by %s on %s (was %s).".formatted(word(c.to()), c.byName(),
                        WHEN.format(c.at().atZone(district.timeZone())), word(c.from())))
                .orElse("Not changed in Cascade yet: " + word(state.on())
                        + " as set in the district's configuration."));
    }

    private static String word(boolean on) {
        return on ? "on" : "off";
    }
}
