package app.cascade.push.engine;

/**
 * One row of a push report (push-rules §6). Course fields are null for request-level rows such as
 * {@code NOT_LOCKED}.
 *
 * @param section  the section number, or null at course level
 * @param dataType the data type's label, e.g. "Categories"
 * @param item     the item's label, e.g. "Labs" or "Q3 / T1"
 * @param outcome  what happened, in the users' words
 * @param message  details: the desync condition, the new name, the error
 */
public record ReportRow(Long courseId, String school, String courseNumber, String courseName, String section,
                        String dataType, String item, String outcome, ReasonCode reason, Dependents dependents,
                        String message) {
}
