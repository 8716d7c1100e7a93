package app.cascade.reports;

import app.cascade.push.engine.Dependents;
import app.cascade.tables.ReportTable;

import java.util.UUID;

/**
 * One residual ("course managed") item of the Residual Data Report (push-rules §6): setup that survives only because
 * of grades or assignments.
 *
 * @param section  the section number, or null for a course-level item
 * @param teacher  the section's teacher, or null for a course-level item
 * @param dataType the data type's label, as on the push report, e.g. "Categories"
 * @param item     the item's label, as on the push report, e.g. "Labs" or "Q3 / T1"
 * @param origin   where the item was created: MASTER, COURSE or TEACHER
 */
public record ResidualRow(UUID itemId, long courseId, long schoolId, long yearId, String school, String courseNumber,
                          String courseName, String section, String teacher, String dataType, String item,
                          String origin, Dependents dependents) {

    /** Where the item was created, in words: "Master", "Course" or "Teacher". */
    public String originLabel() {
        return origin == null || origin.isEmpty() ? ""
                : origin.charAt(0) + origin.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The §6 columns, in order. */
    public static final ReportTable<ResidualRow> TABLE = ReportTable.of(
            ReportTable.column("School", ResidualRow::school),
            ReportTable.column("Course number", ResidualRow::courseNumber),
            ReportTable.column("Course name", ResidualRow::courseName),
            ReportTable.column("Section", ResidualRow::section),
            ReportTable.column("Teacher", ResidualRow::teacher),
            ReportTable.counted("Data type", ResidualRow::dataType),
            ReportTable.column("Item", ResidualRow::item),
            ReportTable.counted("Origin", ResidualRow::originLabel),
            ReportTable.column("Assignments", r -> r.dependents().assignments()),
            ReportTable.column("Scores", r -> r.dependents().scores()),
            ReportTable.column("Posted grades", r -> r.dependents().postedGrades()),
            ReportTable.column("Comments", r -> r.dependents().comments()));
}
