package app.cascade.push;

import app.cascade.push.engine.PlanCounts;
import app.cascade.push.engine.ReportRow;

import java.util.List;

/** The dry run: per course, what would change, and the report rows the push would write. Nothing was written. */
public record PushPreview(List<CoursePreview> courses, List<ReportRow> rows, PlanCounts totals) {
}
