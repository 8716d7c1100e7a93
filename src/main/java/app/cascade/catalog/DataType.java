package app.cascade.catalog;

import java.util.EnumSet;
import java.util.Set;

/** The six grading-setup data types (push-rules §1), with the catalog lock that covers each. */
public enum DataType {
    TASK("Grading Tasks", "Grading task", CatalogLock.TASKS_STANDARDS, false),
    STANDARD("Standards", "Standard", CatalogLock.TASKS_STANDARDS, false),
    CATEGORY("Categories", "Category", CatalogLock.CATEGORIES, true),
    ASSESSMENT("Assessments", "Assessment", CatalogLock.ASSESSMENTS, false),
    CALC_OPTION("Grade Calc Options", "Grade calc option", CatalogLock.CALC_OPTIONS, true),
    COMPOSITE("Composite Grades", "Composite grade", CatalogLock.COMPOSITES, true);

    private final String plural;
    private final String singular;
    private final CatalogLock lock;
    private final boolean onSections;

    DataType(String plural, String singular, CatalogLock lock, boolean onSections) {
        this.plural = plural;
        this.singular = singular;
        this.lock = lock;
        this.onSections = onSections;
    }

    /** Title of a list of such items, e.g. "Grading Tasks". */
    public String plural() {
        return plural;
    }

    public String singular() {
        return singular;
    }

    /** The catalog lock that locks this type. */
    public CatalogLock lock() {
        return lock;
    }

    /**
     * The types among which the match keys of one course master's items are unique (decision 0004): task and standard
     * codes are unique across both, since calc options and composites refer to "a task or standard" by code alone;
     * every other type has keys of its own.
     */
    public Set<DataType> sharedKeys() {
        return this == TASK || this == STANDARD ? EnumSet.of(TASK, STANDARD) : EnumSet.of(this);
    }

    /** Whether the type also lives on sections (categories, calc options, composites). */
    public boolean onSections() {
        return onSections;
    }
}
