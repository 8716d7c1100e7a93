package app.cascade.push.engine;

import java.util.EnumSet;
import java.util.Set;

/** A catalog's locks (push-rules §2). */
public record Locks(Set<CourseInfoField> fields, Set<DataType> gradingTypes) {

    public Locks {
        fields = fields.isEmpty() ? EnumSet.noneOf(CourseInfoField.class) : EnumSet.copyOf(fields);
        gradingTypes = gradingTypes.isEmpty() ? EnumSet.noneOf(DataType.class) : EnumSet.copyOf(gradingTypes);
        gradingTypes.remove(DataType.COURSE_INFO);
    }

    public static Locks everything() {
        return new Locks(EnumSet.allOf(CourseInfoField.class), DataType.grading());
    }

    /** Course Info counts as locked when any of its fields is. */
    public boolean isLocked(DataType type) {
        return type == DataType.COURSE_INFO ? !fields.isEmpty() : gradingTypes.contains(type);
    }

    public boolean isLocked(ItemType type) {
        return gradingTypes.contains(type.dataType());
    }
}
