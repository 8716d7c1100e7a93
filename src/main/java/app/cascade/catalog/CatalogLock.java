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
    NAME(CourseInfoField.name, null, "Name"),
    STATE_CODE(CourseInfoField.stateCode, null, "State code"),
    DEPARTMENT(CourseInfoField.department, null, "Department"),
    CREDITS(CourseInfoField.credits, null, "Credits"),
    GPA_WEIGHT(CourseInfoField.gpaWeight, null, "GPA weight"),
    DESCRIPTION(CourseInfoField.description, null, "Description"),
    TASKS_STANDARDS(null, LockType.TASKS_STANDARDS, "Tasks & standards"),
    CATEGORIES(null, LockType.CATEGORIES, "Categories"),
    ASSESSMENTS(null, LockType.ASSESSMENTS, "Assessments"),
    CALC_OPTIONS(null, LockType.CALC_OPTIONS, "Grade calc options"),
    COMPOSITES(null, LockType.COMPOSITES, "Composite grades");

    private final CourseInfoField field;
    private final LockType gradingType;
    private final String label;

    CatalogLock(CourseInfoField field, LockType gradingType, String label) {
        this.field = field;
        this.gradingType = gradingType;
        this.label = label;
    }

    /** The value stored in {@code catalog_lock.lock_name}: the grading vocabulary's name of the field or type. */
    public String dbName() {
        return field != null ? field.name() : gradingType.name();
    }

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
