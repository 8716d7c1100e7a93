package app.cascade.reports;

import java.time.Instant;

/**
 * One grading-setup change of a course master made after the master was last pushed (push-rules §6, Course Master
 * Awaiting Push).
 *
 * @param linkedCourses courses still waiting for it: linked to the master and not Ignore Master Push
 */
public record AwaitingPushRow(String catalog, long masterId, String masterNumber, String masterName, String dataType,
                              String item, String change, String changedBy, Instant changedAt, int linkedCourses) {
}
