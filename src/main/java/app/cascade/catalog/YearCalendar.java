package app.cascade.catalog;

import java.util.List;

/**
 * A calendar of a school year as Push All Courses offers it (one that holds courses), with its school and terms.
 *
 * @param terms   the term codes, in their order
 * @param courses how many courses the calendar holds
 */
public record YearCalendar(long id, String name, long schoolId, String schoolCode, String schoolName,
                           List<String> terms, int courses) {

    public YearCalendar {
        terms = List.copyOf(terms);
    }
}
