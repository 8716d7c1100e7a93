package app.cascade.push.engine;

import java.util.List;

/** A section of a course with its setup (categories, calc options, composites). */
public record SectionInput(long id, String number, String teacher, List<Item> items) {

    public SectionInput {
        items = List.copyOf(items);
    }
}
