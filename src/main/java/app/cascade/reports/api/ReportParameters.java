package app.cascade.reports.api;

import app.cascade.api.BadParameterException;
import app.cascade.catalog.CourseService;
import app.cascade.catalog.SchoolYearRef;
import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.reports.ReportFilter;
import app.cascade.reports.ReportScopes;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The district reports' filter parameters read into a {@link ReportFilter}, with the screens' defaults: the current
 * school year when {@code schoolYearId} is left out ({@code all} for every year), every catalog, school and data type
 * otherwise. A value that names nothing of the caller's district (an id of another district's or of nothing, a data
 * type the report has no rows of) is refused with 400 naming the parameter: one rule for the three reports.
 */
@Component
class ReportParameters {

    static final String SCHOOL_YEAR_ID = "schoolYearId";
    static final String CATALOG_ID = "catalogId";
    static final String SCHOOL_ID = "schoolId";
    static final String DATA_TYPE = "dataType";
    static final String ALL_YEARS = "all";

    /** The parameter of each {@link ReportFilter} id, as {@link ReportScopes#unknownIds} names them. */
    private static final Map<String, String> PARAMETERS = Map.of("yearId", SCHOOL_YEAR_ID, "catalogId", CATALOG_ID,
            "schoolId", SCHOOL_ID);
    private static final Map<String, String> THINGS = Map.of(SCHOOL_YEAR_ID, "school year", CATALOG_ID, "catalog",
            SCHOOL_ID, "school");

    private final CourseService courses;
    private final ReportScopes scopes;

    ReportParameters(CourseService courses, ReportScopes scopes) {
        this.courses = courses;
        this.scopes = scopes;
    }

    /**
     * The filter of the parameters, checked against the district.
     *
     * @param courseInfo whether the report has Course Info rows, i.e. accepts {@code COURSE_INFO} as a data type
     */
    ReportFilter filter(String schoolYearId, Long catalogId, Long schoolId, List<String> dataTypes,
                        boolean courseInfo) {
        Set<ItemType> types = EnumSet.noneOf(ItemType.class);
        boolean withCourseInfo = false;
        for (String value : dataTypes == null ? List.<String>of() : dataTypes) {
            if (value.isBlank()) {
                continue;
            }
            if (courseInfo && value.equals(LockType.COURSE_INFO.name())) {
                withCourseInfo = true;
            } else {
                types.add(itemType(value, courseInfo));
            }
        }
        ReportFilter filter = new ReportFilter(year(schoolYearId), catalogId, schoolId, types, withCourseInfo);
        List<String> unknown = scopes.unknownIds(filter);
        if (!unknown.isEmpty()) {
            String parameter = PARAMETERS.get(unknown.getFirst());
            Long id = switch (parameter) {
                case SCHOOL_YEAR_ID -> filter.yearId();
                case CATALOG_ID -> filter.catalogId();
                default -> filter.schoolId();
            };
            throw new BadParameterException(parameter, parameter + ": " + id + " is no " + THINGS.get(parameter)
                    + " of your district");
        }
        return filter;
    }

    /** An id, {@code all} (null: every year), or the current school year when left out (null when none is current). */
    private Long year(String value) {
        if (value == null || value.isBlank()) {
            return courses.schoolYears().stream().filter(SchoolYearRef::current).findFirst().map(SchoolYearRef::id)
                    .orElse(null);
        }
        if (value.equalsIgnoreCase(ALL_YEARS)) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(SCHOOL_YEAR_ID, SCHOOL_YEAR_ID + ": '" + value + "' is neither a school "
                    + "year's id nor " + ALL_YEARS);
        }
    }

    private static ItemType itemType(String value, boolean courseInfo) {
        try {
            return ItemType.valueOf(value);
        } catch (IllegalArgumentException e) {
            String names = Arrays.stream(ItemType.values()).map(ItemType::name).collect(Collectors.joining(", "));
            throw new BadParameterException(DATA_TYPE, DATA_TYPE + ": '" + value + "' is not a data type of this "
                    + "report; use " + names + (courseInfo ? ", " + LockType.COURSE_INFO.name() : ""));
        }
    }
}
