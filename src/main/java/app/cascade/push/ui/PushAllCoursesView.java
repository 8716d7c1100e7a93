package app.cascade.push.ui;

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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Push All Courses (push-rules §7): push each course's section-level setup to its sections, for every course of a
 * year or of one calendar, now or in the batch queue, with the same preview, job and Batch Queue List as Push All
 * Course Masters.
 */
@Route("push-all-courses")
@PageTitle("Push All Courses | Cascade")
@Menu(title = "Push All Courses", order = 41, icon = "SITEMAP")
@RolesAllowed(Roles.PUSH_ADMIN)
class PushAllCoursesView extends VerticalLayout {

    PushAllCoursesView(PushRequestService requests, PushService pushes, PushUndoService undos, PushEvents events,
                       CourseService courses, CurrentTenant tenant, PushReportExporter exporter,
                       CurrentUserService users) {
        addClassName("cascade-view");
        setId("push-all-courses");
        Paragraph intro = new Paragraph("Pushes the categories, grade calc options and composite grades of every "
                + "course of the selected year (or of one calendar) to the course's sections, as if each course were "
                + "a master for its sections. Consider running large pushes during off-hours with Submit to Batch.");
        intro.addClassName("cascade-intro");
        PushForm<?> form = new PushForm<>(courses.schoolYears(), PushScope.courses(courses::calendars));
        add(new H2("Push All Courses"), intro, new PushTool(new PushTool.Services(requests, pushes, undos,
                users.current().map(u -> u.hasRole(Roles.PUSH_ADMIN)).orElse(false), events, exporter,
                tenant.require().id(), tenant.require().timeZone()), form));
    }
}
