package app.cascade.reports;

import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;

/**
 * The filters of the district reports; a null field means "all". Which ones apply depends on the report: the Awaiting
 * Push report has no school (it is about masters).
 *
 * @param dataType a "Data to be pushed" type; {@link LockType#COURSE_INFO} only matters to the Course Audit Report
 */
public record ReportFilter(Long yearId, Long catalogId, Long schoolId, LockType dataType) {

    public static ReportFilter all() {
        return new ReportFilter(null, null, null, null);
    }

    public ReportFilter year(Long id) {
        return new ReportFilter(id, catalogId, schoolId, dataType);
    }

    public ReportFilter catalog(Long id) {
        return new ReportFilter(yearId, id, schoolId, dataType);
    }

    public ReportFilter school(Long id) {
        return new ReportFilter(yearId, catalogId, id, dataType);
    }

    public ReportFilter dataType(LockType type) {
        return new ReportFilter(yearId, catalogId, schoolId, type);
    }

    /** The item types of the data type filter, as stored in {@code item_type} columns; null for "all". */
    String[] itemTypes() {
        if (dataType == null) {
            return null;
        }
        return dataType.itemTypes().stream().map(ItemType::name).toArray(String[]::new);
    }

    /** The data type filter as the Course Audit Report stores it: a {@link LockType} name; null for "all". */
    String dataTypeName() {
        return dataType == null ? null : dataType.name();
    }

    /** Paging arguments are checked the same way everywhere. */
    static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative, were " + offset + " and "
                    + limit);
        }
    }

    /** The label of an {@code item_type} value's data type, e.g. TASK → "Grading Tasks/Standards". */
    static String dataTypeLabel(String itemType) {
        return ItemType.valueOf(itemType).lockType().label();
    }
}
