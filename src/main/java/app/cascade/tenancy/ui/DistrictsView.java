package app.cascade.tenancy.ui;

import app.cascade.security.Roles;
import app.cascade.tenancy.DistrictDirectory;
import app.cascade.tenancy.DistrictSummary;
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
@PageTitle("Districts | Cascade")
@Menu(title = "Districts", order = 100, icon = "GLOBE")
@RolesAllowed(Roles.SUPPORT)
class DistrictsView extends VerticalLayout {

    DistrictsView(DistrictDirectory directory) {
        addClassName("cascade-view");
        setSizeFull();
        Grid<DistrictSummary> grid = new Grid<>(DistrictSummary.class, false);
        grid.setId("districts-grid");
        grid.addColumn(DistrictSummary::displayName).setHeader("District").setAutoWidth(true);
        grid.addColumn(DistrictSummary::id).setHeader("Id");
        grid.addColumn(DistrictSummary::organization).setHeader("Keycloak organization");
        grid.addColumn(DistrictSummary::schema).setHeader("Schema");
        grid.addColumn(DistrictSummary::schemaVersion).setHeader("Schema version");
        grid.addColumn(DistrictSummary::timeZone).setHeader("Time zone");
        grid.addColumn(d -> d.batchReporting() ? "On" : "Off").setHeader("Batch Reporting");
        grid.setItems(directory.districts());
        add(new H2("Districts"),
                new Paragraph("Each district lives in its own database schema and signs in through its Keycloak "
                        + "organization. Add a file to tenants/ and restart to bring a district live."),
                grid);
        setFlexGrow(1, grid);
    }
}
