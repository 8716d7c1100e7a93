package app.cascade.catalog.api;

import app.cascade.catalog.CourseLinkState;
import app.cascade.catalog.CourseListing;
import io.swagger.v3.oas.annotations.media.Schema;

/** A course in a list, with its school, calendar and master link, as the Courses tool shows it. */
@Schema(name = "Course")
record CourseResource(long id, String number, String name, long schoolId, String schoolName, long calendarId,
                      @Schema(description = "The linked course master, or null") Long masterId,
                      @Schema(description = "The linked master's number, or null") String masterNumber,
                      @Schema(description = "As the Courses tool shows it: LINKED (a push updates it), DESYNCED "
                              + "(linked, but a locked type is out of sync with the master, push-rules §3: Push "
                              + "locked data would fail it), IGNORE (linked, Ignore Master Push: every push skips "
                              + "it), UNLINKED (no master)") CourseLinkState linkState,
                      @Schema(description = "Whether a locked type is out of sync with the master (push-rules §3, "
                              + "the rule the Courses tool applies). True also under Ignore Master Push, where "
                              + "linkState is IGNORE because every push skips the course") boolean desynced,
                      boolean ignoreMasterPush) {

    static CourseResource of(CourseListing c) {
        return new CourseResource(c.id(), c.number(), c.name(), c.schoolId(), c.schoolName(), c.calendarId(),
                c.masterId(), c.masterNumber(), c.linkState(), c.desynced(), c.ignoreMasterPush());
    }
}
