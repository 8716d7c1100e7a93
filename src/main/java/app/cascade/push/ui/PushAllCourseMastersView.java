package app.cascade.push.ui;

import app.cascade.catalog.CatalogService;
import app.cascade.catalog.CourseService;
import app.cascade.push.PushEvents;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushService;
import app.cascade.push.PushReportExporter;
import app.cascade.push.PushUndoService;
import app.cascade.security.CurrentUserService;
import app.cascade.security.Roles;
import app.cascade.tenancy.CurrentTenant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;
import java.util.UUID;

/**
 * Push All Course Masters: push the locked data of every master of a catalog to the linked courses of a year, now or
 * in the batch queue, with a dry-run preview; and the Batch Queue List, updated live from any node. With
 * {@code ?request=<id>} (the link of a notification, in the bell and the mail) it opens that request's report.
 */
@Route("push-all-course-masters")
@PageTitle("Push All Course Masters | Cascade")
@Menu(title = "Push All Course Masters", order = 40, icon = "UPLOAD")
@RolesAllowed(Roles.PUSH_ADMIN)
class PushAllCourseMastersView extends VerticalLayout implements BeforeEnterObserver {

    private final PushTool tool;

    PushAllCourseMastersView(PushRequestService requests, PushService pushes, PushUndoService undos,
                             PushEvents events, CatalogService catalogs, CourseService courses, CurrentTenant tenant,
                             PushReportExporter exporter, CurrentUserService users) {
        addClassName("cascade-view");
        setId("push-all-course-masters");
        Paragraph intro = new Paragraph("Pushes the grading setup and course master attributes that are locked in "
                + "the selected catalog to every course linked to its course masters in the selected year. "
                + "Consider running large pushes during off-hours with Submit to Batch.");
        intro.addClassName("cascade-intro");
        PushForm<?> form = new PushForm<>(courses.schoolYears(), PushScope.catalogs(catalogs::catalogsForYear));
        tool = new PushTool(new PushTool.Services(requests, pushes, undos,
                users.current().map(u -> u.hasRole(Roles.PUSH_ADMIN)).orElse(false), events, exporter,
                tenant.require().id(), tenant.require().timeZone()), form);
        add(new H2("Push All Course Masters"), intro, tool);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("request")
                .flatMap(PushAllCourseMastersView::requestId).ifPresent(tool::openReport);
    }

    private static Optional<UUID> requestId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
