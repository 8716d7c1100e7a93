package app.cascade.push.ui;

import app.cascade.catalog.CourseService;
import app.cascade.catalog.ui.PushToCourses;
import app.cascade.push.PushRequestService;
import app.cascade.tenancy.CurrentTenant;
import org.springframework.stereotype.Component;

/** Push's side of the masters view's Push to Courses button: opens the one {@link PushToCoursesDialog}. */
@Component
class PushToCoursesOpener implements PushToCourses {

    private final CourseService courses;
    private final PushRequestService requests;
    private final CurrentTenant tenant;

    PushToCoursesOpener(CourseService courses, PushRequestService requests, CurrentTenant tenant) {
        this.courses = courses;
        this.requests = requests;
        this.tenant = tenant;
    }

    @Override
    public void open(long masterId, String masterLabel) {
        new PushToCoursesDialog(masterId, masterLabel, courses.schoolYears(), requests, tenant.require().timeZone())
                .open();
    }
}
