package app.cascade.support.ui;

import app.cascade.push.PushRequestService;
import app.cascade.security.Roles;
import app.cascade.support.DistrictStatus;
import app.cascade.support.SupportService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Platform support: every district served by this installation. No grading data is shown here. */
@Route("support/districts")
@PageTitle("Support | Cascade")
@Menu(title = "Districts", order = 100, icon = "GLOBE")
@RolesAllowed(Roles.SUPPORT)
class SupportView extends VerticalLayout {

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    SupportView(SupportService support, PushRequestService requests) {
        addClassName("cascade-view");
        setWidthFull();
        Grid<DistrictStatus> grid = new Grid<>();
        grid.setId("districts-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(d -> d.district().displayName()).setHeader("District").setAutoWidth(true);
        grid.addColumn(d -> d.district().organization()).setHeader("Keycloak organization");
        grid.addColumn(d -> d.district().schema() + " v" + d.district().schemaVersion()).setHeader("Schema");
        grid.addColumn(d -> d.district().batchReporting() ? "On" : "Off").setHeader("Batch Reporting");
        grid.addColumn(d -> d.requestsLast24h().isEmpty() ? "none" : d.requestsLast24h().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getValue() + " " + e.getKey().toLowerCase().replace('_', ' '))
                        .collect(java.util.stream.Collectors.joining(", ")))
                .setHeader("Requests (24 h)").setAutoWidth(true);
        grid.addColumn(d -> d.oldestQueuedAt() == null ? "" : TIME.format(d.oldestQueuedAt()))
                .setHeader("Oldest waiting");
        grid.addColumn(d -> d.lastFailureAt() == null ? "" : TIME.format(d.lastFailureAt()) + ": "
                + d.lastFailureMessage()).setHeader("Last failure").setFlexGrow(2);
        grid.setItems(support.districts());
        com.vaadin.flow.component.html.Anchor jobs = new com.vaadin.flow.component.html.Anchor("/support/jobs/",
                "Open the jobs dashboard (JobRunr, read-only)");
        jobs.setId("open-jobs-dashboard");
        jobs.setRouterIgnore(true);
        add(new H2("Districts"), jobs,
                new Paragraph("Each district lives in its own database schema and signs in through its Keycloak "
                        + "organization. Add a file to tenants/ and restart to bring a district live. The jobs "
                        + "dashboard is read-only: retry and cancel push requests below."),
                grid, new RequestsNeedingAttention(requests));
    }
}
