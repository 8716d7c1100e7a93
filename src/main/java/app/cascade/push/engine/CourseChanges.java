package app.cascade.push.engine;

import java.util.List;

/**
 * What a push changed in one course and its sections, kept so that an undo can put the course back as it was
 * (issue 18): the course's Course Info before the push (null when the push left it alone) and every item the push
 * inserted, updated or deleted, with the item as it was before. An undo re-inserts the deleted items with their
 * original ids, writes the updated ones back and deletes the inserted ones.
 *
 * @param infoBefore the Course Info fields before the push, or null when the push did not change them
 */
public record CourseChanges(long courseId, CourseInfo infoBefore, List<ItemChange> items) {

    public CourseChanges {
        items = List.copyOf(items);
    }

    /**
     * Exactly what the executor's writes change when they apply {@code plan} to {@code before}, the course it was
     * planned from: the rows the writer's statements touch (the section copies its course deletes take included) and
     * Course Info when the plan writes it. See {@link PushChanges} for the statement-by-statement rules.
     *
     * @throws IllegalArgumentException when the plan does not fit {@code before}
     */
    public static CourseChanges of(CourseInput before, CoursePlan plan) {
        return PushChanges.of(before, plan);
    }

    public boolean isEmpty() {
        return infoBefore == null && items.isEmpty();
    }
}
