package app.cascade.catalog;

import app.cascade.grading.CourseInfoField;
import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A catalog lock (push-rules §2) as the catalog screens list it: either one Course Info field or a whole grading type,
 * each named by the grading vocabulary ({@link CourseInfoField}, {@link LockType}), which also gives the value stored
 * in {@code catalog_lock.lock_name}. A catalog's locks as a push reads them are {@link app.cascade.grading.Locks}.
 */
public enum CatalogLock {
    NAME(CourseInfoField.name, "Name"),
    STATE_CODE(CourseInfoField.stateCode, "State code"),
    DEPARTMENT(CourseInfoField.department, "Department"),
    CREDITS(CourseInfoField.credits, "Credits"),
    GPA_WEIGHT(CourseInfoField.gpaWeight, "GPA weight"),
    DESCRIPTION(CourseInfoField.description, "Description"),
    TASKS_STANDARDS(LockType.TASKS_STANDARDS),
    CATEGORIES(LockType.CATEGORIES),
    ASSESSMENTS(LockType.ASSESSMENTS),
    CALC_OPTIONS(LockType.CALC_OPTIONS),
    COMPOSITES(LockType.COMPOSITES);

    private final CourseInfoField field;
    private final LockType gradingType;
    private final String label;

    CatalogLock(CourseInfoField field, String label) {
        this.field = field;
        this.gradingType = null;
        this.label = label;
    }

    CatalogLock(LockType gradingType) {
        this.field = null;
        this.gradingType = gradingType;
        this.label = gradingType.label();
    }

    /** The value stored in {@code catalog_lock.lock_name}: the grading vocabulary's name of the field or type. */
    public String dbName() {
        return field != null ? field.name() : gradingType.name();
    }

    /** A Course Info field's label; a grading type's is the one the push tool shows ({@link LockType#label()}). */
    public String label() {
        return label;
    }

    public boolean courseInfoField() {
        return field != null;
    }

    /** The lock that locks items of {@code type}: their grading type. */
    public static CatalogLock of(ItemType type) {
        return Arrays.stream(values()).filter(l -> l.gradingType == type.lockType()).findFirst().orElseThrow();
    }

    /**
     * {@link #of(ItemType)} in SQL: the {@code catalog_lock.lock_name} that locks the items whose type is in
     * {@code itemTypeColumn}, e.g. {@code case ci.item_type when 'TASK' then 'TASKS_STANDARDS' … end}.
     */
    public static String lockNameSql(String itemTypeColumn) {
        return Arrays.stream(ItemType.values())
                .map(type -> " when '" + type.name() + "' then '" + of(type).dbName() + "'")
                .collect(java.util.stream.Collectors.joining("", "case " + itemTypeColumn, " end"));
    }

    public static CatalogLock fromDb(String dbName) {
        return Arrays.stream(values()).filter(l -> l.dbName().equals(dbName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown catalog lock: " + dbName));
    }

    public static Set<CatalogLock> courseInfoFields() {
        return EnumSet.copyOf(Arrays.stream(values()).filter(CatalogLock::courseInfoField).toList());
    }

    public static Set<CatalogLock> gradingTypes() {
        return EnumSet.complementOf(EnumSet.copyOf(courseInfoFields()));
    }
}
