package app.cascade.grading;

import java.util.EnumSet;
import java.util.Set;

/** A catalog's locks (push-rules §2): Course Info fields one by one, and whole grading types. */
public record Locks(Set<CourseInfoField> fields, Set<LockType> gradingTypes) {

    public Locks {
        fields = fields.isEmpty() ? EnumSet.noneOf(CourseInfoField.class) : EnumSet.copyOf(fields);
        gradingTypes = gradingTypes.isEmpty() ? EnumSet.noneOf(LockType.class) : EnumSet.copyOf(gradingTypes);
        gradingTypes.remove(LockType.COURSE_INFO);
    }

    public static Locks everything() {
        return new Locks(EnumSet.allOf(CourseInfoField.class), LockType.grading());
    }

    /** Course Info counts as locked when any of its fields is. */
    public boolean isLocked(LockType type) {
        return type == LockType.COURSE_INFO ? !fields.isEmpty() : gradingTypes.contains(type);
    }

    public boolean isLocked(ItemType type) {
        return gradingTypes.contains(type.lockType());
    }
}
