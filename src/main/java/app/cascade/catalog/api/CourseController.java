package app.cascade.catalog.api;

import app.cascade.api.BadParameterException;
import app.cascade.api.Paging;
import app.cascade.api.ProblemResponses;
import app.cascade.catalog.CourseLinkState;
import app.cascade.catalog.CourseListService;
import app.cascade.catalog.CourseService;
import app.cascade.catalog.NotInDistrictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The calendars and courses of the caller's district, read only: what Push All Courses needs (a calendar), and the
 * courses with their link state and desync as the Courses tool shows them. The services authorize (VIEWER) and answer
 * only the district's own.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Courses", description = "Calendars, courses, their link to a master and their setup (read only)")
class CourseController {

    static final String LINK_STATE = "linkState";

    private final CourseListService lists;
    private final CourseService courses;

    CourseController(CourseListService lists, CourseService courses) {
        this.lists = lists;
        this.courses = courses;
    }

    @GetMapping("/calendars")
    @Operation(summary = "A school year's calendars",
            description = "The calendars of the year that hold courses, with their school and terms, by school name: "
                    + "the calendars Push All Courses offers. Paged (`limit`, `cursor`, `Link: rel=\"next\"`). Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The calendars")
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ProblemResponses.NotFound
    @ProblemResponses.ServerFailure
    ResponseEntity<List<CalendarResource>> calendars(
            @Parameter(description = "The school year (`GET /api/v1/school-years`); required", required = true)
            @RequestParam(required = false) Long schoolYearId,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(name = Paging.LIMIT, required = false)
            Integer limit,
            @Parameter(description = Paging.CURSOR_DOC) @RequestParam(name = Paging.CURSOR, required = false)
            String cursor) {
        Paging page = Paging.of(limit, cursor);
        if (schoolYearId == null) {
            throw new BadParameterException("schoolYearId", "is required: the school year whose calendars to list");
        }
        return page.respondFrom(lists.calendars(schoolYearId).stream().map(CalendarResource::of).toList());
    }

    @GetMapping("/courses")
    @Operation(summary = "Courses of a calendar or of a master",
            description = "The courses of the calendar, of the master, or of both, with their link state and desync "
                    + "as the Courses tool shows them; newest school year first, then by school and number (one "
                    + "calendar: the tool's order). Paged: while more follow, the `Link` header's `rel=\"next\"` "
                    + "URL gives the next page. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "A page of courses")
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ProblemResponses.NotFound
    @ProblemResponses.ServerFailure
    ResponseEntity<List<CourseResource>> list(
            @Parameter(description = "Only the courses of this calendar (`GET /api/v1/calendars`); calendarId or "
                    + "masterId is required") @RequestParam(required = false) Long calendarId,
            @Parameter(description = "Only the courses linked to this master (`GET /api/v1/masters`)")
            @RequestParam(required = false) Long masterId,
            @Parameter(description = "Only courses in one of these link states; repeat it (or separate by commas) "
                    + "for several; default: all", array = @ArraySchema(schema = @Schema(
                    implementation = CourseLinkState.class)))
            @RequestParam(name = LINK_STATE, required = false) List<String> linkState,
            @Parameter(description = "At most this many courses (1-500); default 50")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "The position after the previous page, from its `Link` header; omit for the "
                    + "first page") @RequestParam(required = false) String cursor) {
        if (calendarId == null && masterId == null) {
            throw new BadParameterException("calendarId", "or masterId is required: the calendar or master whose "
                    + "courses to list");
        }
        Set<CourseLinkState> states = linkStates(linkState);
        Paging page = Paging.of(limit, cursor);
        return page.respond(lists.courses(calendarId, masterId, states, page.offset(), page.fetchSize()).stream()
                .map(CourseResource::of).toList());
    }

    @GetMapping("/courses/{id}")
    @Operation(summary = "One course with its setup and sections",
            description = "Its Course Info and which fields are locked, its course-level items and its sections "
                    + "with their section-level items, each item with its link state, lock and \"course managed\" "
                    + "flag, as the Courses tool shows them. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The course")
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ProblemResponses.NotFound
    @ProblemResponses.ServerFailure
    CourseSetupResource get(@PathVariable long id) {
        return courses.course(id).map(CourseSetupResource::of).orElseThrow(() -> NotInDistrictException.course(id));
    }

    private static Set<CourseLinkState> linkStates(List<String> names) {
        Set<CourseLinkState> states = EnumSet.noneOf(CourseLinkState.class);
        for (String name : names == null ? List.<String>of() : names) {
            String value = name.strip();
            states.add(Arrays.stream(CourseLinkState.values()).filter(s -> s.name().equals(value)).findFirst()
                    .orElseThrow(() -> new BadParameterException(LINK_STATE, "'" + value + "' is not a link state; "
                            + "one of " + Arrays.stream(CourseLinkState.values()).map(Enum::name)
                            .collect(Collectors.joining(", ")))));
        }
        return states;
    }
}
