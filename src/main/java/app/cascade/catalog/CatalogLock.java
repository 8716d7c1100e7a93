package app.cascade.catalog;

import app.cascade.grading.ItemType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A catalog lock (push-rules §2): either one Course Info field or a whole grading type. {@link #dbName()} is the value
 * stored in {@code catalog_lock.lock_name}.
 */
public enum CatalogLock {
    NAME("name", "Name", true),
    STATE_CODE("stateCode", "State code", true),
    DEPARTMENT("department", "Department", true),
    CREDITS("credits", "Credits", true),
    GPA_WEIGHT("gpaWeight", "GPA weight", true),
    DESCRIPTION("description", "Description", true),
    TASKS_STANDARDS("TASKS_STANDARDS", "Tasks & standards", false),
    CATEGORIES("CATEGORIES", "Categories", false),
    ASSESSMENTS("ASSESSMENTS", "Assessments", false),
    CALC_OPTIONS("CALC_OPTIONS", "Grade calc options", false),
    COMPOSITES("COMPOSITES", "Composite grades", false);

    private final String dbName;
    private final String label;
    private final boolean courseInfoField;

    CatalogLock(String dbName, String label, boolean courseInfoField) {
        this.dbName = dbName;
        this.label = label;
        this.courseInfoField = courseInfoField;
    }

    public String dbName() {
        return dbName;
    }

    public String label() {
        return label;
    }

    public boolean courseInfoField() {
        return courseInfoField;
    }

    /** The lock that locks items of {@code type}: their grading type. */
    public static CatalogLock of(ItemType type) {
        return valueOf(type.lockType().name());
    }

    public static CatalogLock fromDb(String dbName) {
        return Arrays.stream(values()).filter(l -> l.dbName.equals(dbName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown catalog lock: " + dbName));
    }

    public static Set<CatalogLock> courseInfoFields() {
        return EnumSet.of(NAME, STATE_CODE, DEPARTMENT, CREDITS, GPA_WEIGHT, DESCRIPTION);
    }

    public static Set<CatalogLock> gradingTypes() {
        return EnumSet.complementOf(EnumSet.copyOf(courseInfoFields()));
    }
}
