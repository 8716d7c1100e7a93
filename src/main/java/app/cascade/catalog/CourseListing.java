package app.cascade.catalog;

/**
 * One course of a list across calendars or masters, with its school and master link.
 *
 * @param masterId     the linked master, or null
 * @param masterNumber the linked master's number, or null
 * @param linkState    as the Courses view shows it
 * @param desynced     whether push-rules §3 finds a locked type out of sync with the master (the rule the Courses
 *                     view applies); {@code linkState} is DESYNCED only when the course is not Ignore Master Push
 */
public record CourseListing(long id, String number, String name, long schoolId, String schoolName, long calendarId,
                            Long masterId, String masterNumber, CourseLinkState linkState, boolean desynced,
                            boolean ignoreMasterPush) {
}
