package app.cascade.push.engine;

import java.util.EnumSet;
import java.util.Set;

/** The "Data to be pushed" choices of the push tool, which are also the catalog's grading-type locks. */
public enum DataType {
    COURSE_INFO("Course Info"),
    TASKS_STANDARDS("Grading Tasks/Standards"),
    CALC_OPTIONS("Grade Calc Options"),
    COMPOSITES("Composite Grades"),
    CATEGORIES("Categories"),
    ASSESSMENTS("Assessments");

    private final String label;

    DataType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<ItemType> itemTypes() {
        EnumSet<ItemType> types = EnumSet.noneOf(ItemType.class);
        for (ItemType type : ItemType.values()) {
            if (type.dataType() == this) {
                types.add(type);
            }
        }
        return types;
    }

    /** The grading types, i.e. all but Course Info. */
    public static Set<DataType> grading() {
        return EnumSet.complementOf(EnumSet.of(COURSE_INFO));
    }
}
