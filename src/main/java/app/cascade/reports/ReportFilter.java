package app.cascade.reports;

import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filters of the district reports; a null id means "all". Which ones apply depends on the report: the Awaiting
 * Push report has no school (it is about masters).
 * <p>
 * The data type filter is a set of item types, plus Course Info (which only the Course Audit Report has rows of);
 * none of them means "all data types". The screens choose one "Data to be pushed" type ({@link LockType}, e.g. Grading
 * Tasks/Standards: tasks and standards); the REST API may choose any item types.
 *
 * @param itemTypes  the chosen item types; empty with {@code courseInfo} false: all data types
 * @param courseInfo whether Course Info is chosen
 */
public record ReportFilter(Long yearId, Long catalogId, Long schoolId, Set<ItemType> itemTypes, boolean courseInfo) {

    public ReportFilter {
        itemTypes = itemTypes == null ? Set.of() : Set.copyOf(itemTypes);
    }

    /** The filters a screen chooses: one "Data to be pushed" type, or null for all. */
    public ReportFilter(Long yearId, Long catalogId, Long schoolId, LockType dataType) {
        this(yearId, catalogId, schoolId, dataType == null ? Set.of() : dataType.itemTypes(),
                dataType == LockType.COURSE_INFO);
    }

    public static ReportFilter all() {
        return new ReportFilter(null, null, null, Set.of(), false);
    }

    public ReportFilter year(Long id) {
        return new ReportFilter(id, catalogId, schoolId, itemTypes, courseInfo);
    }

    public ReportFilter catalog(Long id) {
        return new ReportFilter(yearId, id, schoolId, itemTypes, courseInfo);
    }

    public ReportFilter school(Long id) {
        return new ReportFilter(yearId, catalogId, id, itemTypes, courseInfo);
    }

    /** One "Data to be pushed" type, as the screens choose it; null for all. */
    public ReportFilter dataType(LockType type) {
        return new ReportFilter(yearId, catalogId, schoolId, type);
    }

    /** Any item types, and Course Info or not; none of them for all. */
    public ReportFilter dataTypes(Set<ItemType> types, boolean withCourseInfo) {
        return new ReportFilter(yearId, catalogId, schoolId, types, withCourseInfo);
    }

    /** Whether the data type is filtered at all. */
    public boolean filtersDataType() {
        return courseInfo || !itemTypes.isEmpty();
    }

    /**
     * The data type filter in words, as the push tool names the types: a whole "Data to be pushed" type by its label
     * ("Grading Tasks/Standards"), a part of one by its item types' ("Grading Tasks"), joined by ", "; null for all.
     */
    public String dataTypesLabel() {
        if (!filtersDataType()) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (LockType type : LockType.values()) {
            Set<ItemType> group = type.itemTypes();
            if (type == LockType.COURSE_INFO ? courseInfo : itemTypes.containsAll(group)) {
                labels.add(type.label());
            } else {
                group.stream().filter(itemTypes::contains).forEach(t -> labels.add(t.plural()));
            }
        }
        return String.join(", ", labels);
    }

    /** The chosen item types as stored in {@code item_type} columns; null for "all". */
    String[] itemTypeNames() {
        if (!filtersDataType()) {
            return null;
        }
        return itemTypes.stream().sorted().map(ItemType::name).toArray(String[]::new);
    }

    /** The chosen data types as the Course Audit Report stores them: item types and COURSE_INFO; null for "all". */
    String[] auditTypeNames() {
        if (!filtersDataType()) {
            return null;
        }
        List<String> names = new ArrayList<>(List.of(itemTypeNames()));
        if (courseInfo) {
            names.add(LockType.COURSE_INFO.name());
        }
        return names.toArray(String[]::new);
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
