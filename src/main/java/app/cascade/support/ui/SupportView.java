package app.cascade.support.ui;

import app.cascade.push.PushSupportService;
import app.cascade.push.PushStatus;
import app.cascade.security.Roles;
import app.cascade.support.DistrictStatus;
import app.cascade.support.SupportService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import app.cascade.tenancy.TenantFileProblem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Platform support: every district served by this installation. No grading data is shown here. */
@Route("support/districts")
@PageTitle("Support | Cascade")
@Menu(title = "Districts", order = 100, icon = "GLOBE")
@RolesAllowed(Roles.SUPPORT)
class SupportView extends VerticalLayout {

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    SupportView(SupportService support, PushSupportService requests) {
        addClassName("cascade-view");
        setWidthFull();
        Grid<DistrictStatus> grid = new Grid<>();
        grid.setId("districts-grid");
        // a fixed height: the grid sends the client only the rows in view, page by page, however many districts
        grid.setHeight("24rem");
        grid.addColumn(d -> d.district().displayName()).setHeader("District").setAutoWidth(true);
        grid.addColumn(d -> d.district().statusText()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(d -> d.district().organization()).setHeader("Keycloak organization").setAutoWidth(true);
        grid.addColumn(d -> d.district().schema() + " v" + d.district().schemaVersion()).setHeader("Schema")
                .setAutoWidth(true);
        grid.addColumn(d -> d.district().batchReporting() ? "On" : "Off").setHeader("Batch Reporting")
                .setAutoWidth(true);
        grid.addColumn(d -> requestsByStatus(d.requestsLast24h()))
                .setHeader("Requests (24 h)").setAutoWidth(true);
        grid.addColumn(d -> d.oldestQueuedAt() == null ? "" : TIME.format(d.oldestQueuedAt()))
                .setHeader("Oldest waiting").setAutoWidth(true);
        grid.addColumn(d -> d.lastFailureAt() == null ? "" : TIME.format(d.lastFailureAt()) + ": "
                + d.lastFailureMessage()).setHeader("Last failure").setFlexGrow(2);
        grid.setItems(support.districts());
        TextField filter = new TextField("Find a district");
        filter.setId("districts-filter");
        filter.setPlaceholder("Name, id, schema or organization");
        filter.setClearButtonVisible(true);
        filter.setWidth("22rem");
        filter.setMaxWidth("100%");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.setItems(support.districts(e.getValue())));
        Anchor jobs = new Anchor("/support/jobs/", "Open the jobs dashboard (JobRunr, read-only) in a new tab");
        jobs.setId("open-jobs-dashboard");
        jobs.setRouterIgnore(true);
        // a tab of its own, so this view stays open as the way back; noopener: the dashboard cannot reach this page
        jobs.setTarget(AnchorTarget.BLANK);
        jobs.getElement().setAttribute("rel", "noopener");
        add(new H2("Districts"), jobs,
                new Paragraph("Each district lives in its own database schema and signs in through its Keycloak "
                        + "organization. A file added to tenants/ brings a district live within seconds, on every "
                        + "node; enabled: false in it switches the district off. The jobs "
                        + "dashboard is read-only: retry and cancel push requests below. Districts that are "
                        + "unavailable (their schema could not be migrated) come first, with the reason, then those "
                        + "with a failed push in the last 24 hours, then those whose requests wait, the oldest wait "
                        + "first."),
                fileProblems(support), filter, grid, new RequestsNeedingAttention(requests));
    }

    /** The tenant files this node left out, each with its reason; nothing when every file is in force. */
    private static Div fileProblems(SupportService support) {
        Div box = new Div();
        box.setId("tenant-file-problems");
        List<TenantFileProblem> problems = support.tenantFileProblems();
        box.setVisible(!problems.isEmpty());
        if (!problems.isEmpty()) {
            box.add(new H3("Tenant files not taken"));
            UnorderedList list = new UnorderedList();
            problems.forEach(p -> list.add(new ListItem(TIME.format(p.seenAt()) + ": " + p.message())));
            box.add(list);
        }
        return box;
    }

    /**
     * "5 completed, 2 completed with warnings, 1 failed": the counts in the order a request goes through its
     * statuses, in the batch queue's wording.
     */
    static String requestsByStatus(Map<String, Integer> counts) {
        String text = Arrays.stream(PushStatus.values())
                .filter(status -> counts.containsKey(status.name()))
                .map(status -> counts.get(status.name()) + " " + status.label().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "None" : text;
    }

}
