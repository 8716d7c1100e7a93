package app.cascade.grading;

import java.util.EnumSet;
import java.util.Set;

/**
 * The six data types of grading-setup item (push-rules §1), as {@code item_type} stores them, with the lock type that
 * locks (and pushes) each.
 */
public enum ItemType {
    TASK("Grading Tasks", "Grading task", LockType.TASKS_STANDARDS, false),
    STANDARD("Standards", "Standard", LockType.TASKS_STANDARDS, false),
    CATEGORY("Categories", "Category", LockType.CATEGORIES, true),
    ASSESSMENT("Assessments", "Assessment", LockType.ASSESSMENTS, false),
    CALC_OPTION("Grade Calc Options", "Grade calc option", LockType.CALC_OPTIONS, true),
    COMPOSITE("Composite Grades", "Composite grade", LockType.COMPOSITES, true);

    private final String plural;
    private final String singular;
    private final LockType lockType;
    private final boolean sectionLevel;

    ItemType(String plural, String singular, LockType lockType, boolean sectionLevel) {
        this.plural = plural;
        this.singular = singular;
        this.lockType = lockType;
        this.sectionLevel = sectionLevel;
    }

    /** Title of a list of such items, e.g. "Grading Tasks". */
    public String plural() {
        return plural;
    }

    public String singular() {
        return singular;
    }

    /** The catalog lock and "Data to be pushed" choice this type belongs to. */
    public LockType lockType() {
        return lockType;
    }

    /** Categories, calc options and composites also live on sections; the others live on courses only. */
    public boolean sectionLevel() {
        return sectionLevel;
    }

    public boolean isTaskOrStandard() {
        return this == TASK || this == STANDARD;
    }

    /** Calc options and composites refer to a task or standard by code, and to a term. */
    public boolean refersToTask() {
        return this == CALC_OPTION || this == COMPOSITE;
    }

    /**
     * The types among which the match keys of one course master's items are unique (decision 0004): task and standard
     * codes are unique across both, since calc options and composites refer to "a task or standard" by code alone;
     * every other type has keys of its own.
     */
    public Set<ItemType> sharedKeys() {
        return isTaskOrStandard() ? EnumSet.of(TASK, STANDARD) : EnumSet.of(this);
    }
}
