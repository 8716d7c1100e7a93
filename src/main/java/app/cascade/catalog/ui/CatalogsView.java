package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogAdminService;
import app.cascade.catalog.CatalogService;
import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.CourseService;
import app.cascade.security.CurrentUserService;
import app.cascade.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;

/**
 * The district's course catalogs: which data each one locks, and which schools it is assigned to. District admins
 * create catalogs and edit their name, locks and schools here.
 */
@Route("catalogs")
@PageTitle("Course Catalogs | Cascade")
@Menu(title = "Course Catalogs", order = 10, icon = "BOOK")
@RolesAllowed(Roles.VIEWER)
class CatalogsView extends VerticalLayout {

    static final String EMPTY = "This district has no course catalogs yet. Masters live in a catalog, so until a "
            + "district admin creates one there is nothing to push.";

    private final transient CatalogService catalogs;
    private final transient CatalogAdminService admin;
    private final transient CourseService courses;
    private final Grid<CatalogSummary> grid = new Grid<>();

    CatalogsView(CatalogService catalogs, CatalogAdminService admin, CourseService courses,
                 CurrentUserService users) {
        this.catalogs = catalogs;
        this.admin = admin;
        this.courses = courses;
        boolean canEdit = users.current().map(u -> u.hasRole(Roles.DISTRICT_ADMIN)).orElse(false);
        addClassName("cascade-view");
        grid.setId("catalogs-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(CatalogSummary::name).setKey("name").setHeader("Catalog").setFlexGrow(2).setSortable(true);
        grid.addComponentColumn(c -> LockBadges.badges(c.lockedCourseInfoFields(), "No Course Info field locked"))
                .setKey("courseInfoLocks").setHeader("Locked Course Info").setFlexGrow(3);
        grid.addComponentColumn(c -> LockBadges.badges(c.lockedGradingTypes(), "No grading type locked"))
                .setKey("gradingLocks").setHeader("Locked grading types").setFlexGrow(3);
        grid.addColumn(c -> c.schools().isEmpty() ? "No school assigned" : c.schoolNames())
                .setKey("schools").setHeader("Schools assigned").setFlexGrow(2);
        grid.addColumn(CatalogSummary::masterCount).setKey("masters").setHeader("Masters").setFlexGrow(0)
                .setAutoWidth(true);
        if (canEdit) {
            grid.addComponentColumn(c -> {
                Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> open(Optional.of(c)));
                edit.setId("catalog-edit-" + c.id());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                edit.setTooltipText("Rename, lock and assign schools");
                return edit;
            }).setKey("actions").setHeader("").setFlexGrow(0).setAutoWidth(true);
        }
        grid.setEmptyStateText(EMPTY);
        grid.setWidthFull();
        refresh();

        Paragraph intro = new Paragraph("A push follows the catalog of each master, whatever catalog a school is "
                + "assigned to; the assignment is informational. Only locked data is ever pushed.");
        intro.addClassName("cascade-intro");
        add(new H2("Course Catalogs"), intro);
        if (canEdit) {
            Button create = new Button("New catalog", VaadinIcon.PLUS.create(), e -> open(Optional.empty()));
            create.setId("catalog-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        add(grid, LockBadges.legend());
        setFlexGrow(1, grid);
        setSizeFull();
    }

    private void open(Optional<CatalogSummary> existing) {
        new CatalogDialog(existing, courses.schools(), (name, locks, schools) -> {
            if (existing.isPresent()) {
                admin.update(existing.get().id(), name, locks, schools);
            } else {
                admin.create(name, locks, schools);
            }
            refresh();
            Notification.show("Catalog " + name.strip() + " saved")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }).open();
    }

    private void refresh() {
        grid.setItems(catalogs.catalogs());
    }
}
