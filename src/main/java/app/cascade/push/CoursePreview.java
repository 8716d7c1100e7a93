package app.cascade.push;

import app.cascade.push.engine.CourseOutcome;
import app.cascade.push.engine.PlanCounts;

/** What a push would do to one course. */
public record CoursePreview(long courseId, String school, String courseNumber, String courseName,
                            CourseOutcome outcome, PlanCounts counts) {
}
