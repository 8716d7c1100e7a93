package app.cascade.catalog;

/** One course in the list of a school's calendar. {@code master} is null for a course without master link. */
public record CourseRow(long id, String number, String name, String department, MasterRef master,
                        boolean ignoreMasterPush, CourseLinkState linkState) {
}
