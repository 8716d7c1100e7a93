package app.cascade.catalog;

import java.util.List;

/** One section of a course and its section-level items (categories, calc options, composites). */
public record SectionSetup(long id, String number, String teacher, List<SetupItem> items) {

    public SectionSetup {
        items = List.copyOf(items);
    }
}
