package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogService;
import app.cascade.catalog.CatalogSummary;
import app.cascade.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The district's course catalogs: which data each one locks, and which schools it is assigned to. */
@Route("catalogs")
@PageTitle("Course Catalogs | Cascade")
@Menu(title = "Course Catalogs", order = 10, icon = "BOOK")
@RolesAllowed(Roles.VIEWER)
class CatalogsView extends VerticalLayout {

    static final String EMPTY = "This district has no course catalogs yet. Masters live in a catalog, so until a "
            + "district admin creates one there is nothing to push.";

    CatalogsView(CatalogService catalogs) {
        addClassName("cascade-view");
        Grid<CatalogSummary> grid = new Grid<>();
        grid.setId("catalogs-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(CatalogSummary::name).setKey("name").setHeader("Catalog").setFlexGrow(2).setSortable(true);
        grid.addComponentColumn(c -> Locks.badges(c.lockedCourseInfoFields(), "No Course Info field locked"))
                .setKey("courseInfoLocks").setHeader("Locked Course Info").setFlexGrow(3);
        grid.addComponentColumn(c -> Locks.badges(c.lockedGradingTypes(), "No grading type locked"))
                .setKey("gradingLocks").setHeader("Locked grading types").setFlexGrow(3);
        grid.addColumn(c -> c.schools().isEmpty() ? "No school assigned" : c.schoolNames())
                .setKey("schools").setHeader("Schools assigned").setFlexGrow(2);
        grid.addColumn(CatalogSummary::masterCount).setKey("masters").setHeader("Masters").setFlexGrow(0)
                .setAutoWidth(true);
        grid.setEmptyStateText(EMPTY);
        grid.setItems(catalogs.catalogs());
        grid.setWidthFull();

        Paragraph intro = new Paragraph("A push follows the catalog of each master, whatever catalog a school is "
                + "assigned to; the assignment is informational. Only locked data is ever pushed.");
        intro.addClassName("cascade-intro");
        add(new H2("Course Catalogs"), intro, grid, Locks.legend());
        setFlexGrow(1, grid);
        setSizeFull();
    }
}
