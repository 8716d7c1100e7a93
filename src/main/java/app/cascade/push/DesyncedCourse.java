package app.cascade.push;

import app.cascade.push.engine.Desync;

import java.util.List;

/** A course out of sync with its master, with every reason (push-rules §3): the Course Audit Report's input. */
public record DesyncedCourse(long courseId, String school, String courseNumber, String courseName,
                             String masterNumber, List<Desync> reasons) {
}
