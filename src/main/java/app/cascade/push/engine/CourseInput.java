package app.cascade.push.engine;

import java.util.List;
import java.util.Set;

/**
 * A course as the planner sees it.
 *
 * @param masterId  the linked master, or null
 * @param termCodes the term codes of the course's calendar
 */
public record CourseInput(long id, String school, String number, CourseInfo info, Long masterId,
                          boolean ignoreMasterPush, Set<String> termCodes, List<Item> items,
                          List<SectionInput> sections) {

    public CourseInput {
        termCodes = Set.copyOf(termCodes);
        items = List.copyOf(items);
        sections = List.copyOf(sections);
    }
}
