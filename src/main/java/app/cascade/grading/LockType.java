package app.cascade.grading;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a catalog locks and a push pushes, as the push tool's "Data to be pushed" lists them: Course Info (locked
 * field by field, see {@link CourseInfoField}) or one of the five grading types (push-rules §2, §7).
 */
public enum LockType {
    COURSE_INFO("Course Info"),
    TASKS_STANDARDS("Grading Tasks/Standards"),
    CALC_OPTIONS("Grade Calc Options"),
    COMPOSITES("Composite Grades"),
    CATEGORIES("Categories"),
    ASSESSMENTS("Assessments");

    private final String label;

    LockType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<ItemType> itemTypes() {
        EnumSet<ItemType> types = EnumSet.noneOf(ItemType.class);
        for (ItemType type : ItemType.values()) {
            if (type.lockType() == this) {
                types.add(type);
            }
        }
        return types;
    }

    /** The grading types, i.e. all but Course Info. */
    public static Set<LockType> grading() {
        return EnumSet.complementOf(EnumSet.of(COURSE_INFO));
    }
}
