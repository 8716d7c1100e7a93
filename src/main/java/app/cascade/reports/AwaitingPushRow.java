package app.cascade.reports;

import app.cascade.tables.ReportHeader;
import app.cascade.tables.ReportTable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One grading-setup change of a course master made after the master was last pushed (push-rules §6, Course Master
 * Awaiting Push).
 *
 * @param dataType      the changed item's type as stored: TASK, STANDARD, CATEGORY, ASSESSMENT, CALC_OPTION, COMPOSITE
 * @param change        ADDED, MODIFIED or REMOVED
 * @param linkedCourses courses still waiting for it: linked to the master and not Ignore Master Push (in the report's
 *                      year, when it is filtered by year)
 */
public record AwaitingPushRow(String catalog, long masterId, String masterNumber, String masterName, String dataType,
                              String item, String change, String changedBy, Instant changedAt, int linkedCourses,
                              long catalogId) {

    /** The data type's label, as on the push tool, e.g. "Grading Tasks/Standards". */
    public String dataTypeLabel() {
        return ReportFilter.dataTypeLabel(dataType);
    }

    /** "Added", "Modified", "Removed". */
    public String changeLabel() {
        return change.charAt(0) + change.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The §6 columns, in order; times in {@code zone}. */
    public static ReportTable<AwaitingPushRow> table(ZoneId zone) {
        DateTimeFormatter time = ReportHeader.TIME.withZone(zone);
        return ReportTable.of(
                ReportTable.column("Catalog", AwaitingPushRow::catalog),
                ReportTable.column("Master", r -> r.masterNumber() + " " + r.masterName()),
                ReportTable.counted("Data type", AwaitingPushRow::dataTypeLabel),
                ReportTable.column("Item", AwaitingPushRow::item),
                ReportTable.counted("Change", AwaitingPushRow::changeLabel),
                ReportTable.column("Changed by", AwaitingPushRow::changedBy),
                ReportTable.column("Changed at", r -> time.format(r.changedAt())),
                ReportTable.column("Linked courses pending", AwaitingPushRow::linkedCourses));
    }
}
