package app.cascade.catalog.api;

import app.cascade.catalog.YearCalendar;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A calendar of a school year with its school, as Push All Courses offers it. */
@Schema(name = "Calendar")
record CalendarResource(long id, String name, long schoolId, String schoolCode, String schoolName,
                        @Schema(description = "The calendar's term codes, in their order") List<String> terms,
                        @Schema(description = "How many courses the calendar holds") int courses) {

    static CalendarResource of(YearCalendar c) {
        return new CalendarResource(c.id(), c.name(), c.schoolId(), c.schoolCode(), c.schoolName(), c.terms(),
                c.courses());
    }
}
