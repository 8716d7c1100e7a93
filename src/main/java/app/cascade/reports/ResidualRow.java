package app.cascade.reports;

import app.cascade.push.engine.Dependents;

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

    /** The §6 columns, in order. */
    public static final ReportTable<ResidualRow> TABLE = ReportTable.of(
            ReportTable.column("School", 10, ResidualRow::school),
            ReportTable.column("Course number", 6, ResidualRow::courseNumber),
            ReportTable.column("Course name", 10, ResidualRow::courseName),
            ReportTable.column("Section", 4, ResidualRow::section),
            ReportTable.column("Teacher", 8, ResidualRow::teacher),
            ReportTable.column("Data type", 8, ResidualRow::dataType),
            ReportTable.column("Item", 10, ResidualRow::item),
            ReportTable.column("Origin", 5, ResidualRow::origin),
            ReportTable.column("Assignments", 4, r -> r.dependents().assignments()),
            ReportTable.column("Scores", 4, r -> r.dependents().scores()),
            ReportTable.column("Posted grades", 4, r -> r.dependents().postedGrades()),
            ReportTable.column("Comments", 4, r -> r.dependents().comments()));
}
