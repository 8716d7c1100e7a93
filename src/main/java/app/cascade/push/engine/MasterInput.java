package app.cascade.push.engine;

import java.util.List;

/** A course master as the planner sees it. */
public record MasterInput(long id, String number, CourseInfo info, List<Item> items) {

    public MasterInput {
        items = List.copyOf(items);
    }
}
