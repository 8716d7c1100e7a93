package app.cascade.push.engine;

/** The six kinds of grading-setup item (push-rules §1). */
public enum ItemType {
    TASK(DataType.TASKS_STANDARDS, false),
    STANDARD(DataType.TASKS_STANDARDS, false),
    CATEGORY(DataType.CATEGORIES, true),
    ASSESSMENT(DataType.ASSESSMENTS, false),
    CALC_OPTION(DataType.CALC_OPTIONS, true),
    COMPOSITE(DataType.COMPOSITES, true);

    private final DataType dataType;
    private final boolean sectionLevel;

    ItemType(DataType dataType, boolean sectionLevel) {
        this.dataType = dataType;
        this.sectionLevel = sectionLevel;
    }

    /** The "Data to be pushed" checkbox (and catalog lock) this type belongs to. */
    public DataType dataType() {
        return dataType;
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
}
