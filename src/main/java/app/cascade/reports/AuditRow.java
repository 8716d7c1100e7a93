package app.cascade.reports;

import app.cascade.tables.ReportTable;

/**
 * One discrepancy of the Course Audit Report (push-rules §6): a course out of sync with its master.
 *
 * @param status      the course's status: desynced when any of its rows is a desync condition
 * @param dataType    the data type's label, "Course Info" for a Course Info field
 * @param item        the field or item, labelled as on the push report
 * @param masterValue the master's value, or null when the master no longer has the item
 * @param courseValue the course's value, or null when the course lacks the item
 * @param discrepancy what differs, in words (for a desync: its condition)
 */
public record AuditRow(long courseId, long schoolId, long yearId, String school, String courseNumber,
                       String courseName, long masterId, long catalogId, String master, AuditStatus status,
                       String dataType, String item, String masterValue, String courseValue, String discrepancy) {

    /** The §6 columns, in order. */
    public static final ReportTable<AuditRow> TABLE = ReportTable.of(
            ReportTable.column("School", AuditRow::school),
            ReportTable.column("Course", r -> r.courseNumber() + " " + r.courseName()),
            ReportTable.column("Master", AuditRow::master),
            ReportTable.counted("Status", r -> r.status().label()),
            ReportTable.counted("Data type", AuditRow::dataType),
            ReportTable.column("Item", AuditRow::item),
            ReportTable.column("Master value", AuditRow::masterValue),
            ReportTable.column("Course value", AuditRow::courseValue),
            ReportTable.column("Discrepancy", AuditRow::discrepancy));
}
