package app.cascade.catalog;

import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.UnknownTenantException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The lists a script walks to reach a push: a school year's calendars, and courses across calendars and masters by
 * link state, each page in one query. The Courses view's own list (one school's calendar, text filter) is
 * {@link CourseService}'s; both take desync from {@link CourseQueries#DESYNCED}.
 */
@Service
public class CourseListService {

    /** The calendars of a year that hold courses, as Push All Courses offers them: by school name. */
    private static final String CALENDARS = """
            select cal.id, cal.name, s.id as school_id, s.code as school_code, s.name as school_name,
                array(select t.code from term t where t.calendar_id = cal.id order by t.seq, t.code) as terms,
                count(c.id) as courses
            from calendar cal join school s on s.id = cal.school_id join course c on c.calendar_id = cal.id
            where cal.school_year_id = :yearId
            group by cal.id, s.id order by s.name, cal.id
            """;

    /** The link state the Courses view shows ({@link CourseQueries#linkState}), over the columns of {@link #COURSES}. */
    private static final String LINK_STATE = CourseQueries.linkState("master_id", "ignore_master_push", "desynced");

    private static final String COURSES = "select c.id, c.number, c.name, s.id as school_id,"
            + " s.name as school_name, c.calendar_id, m.id as master_id, m.number as master_number,"
            + " c.ignore_master_push, y.start_date, (m.id is not null and " + CourseQueries.DESYNCED + ") as desynced"
            + " from course c join calendar cal on cal.id = c.calendar_id join school s on s.id = cal.school_id"
            + " join school_year y on y.id = cal.school_year_id left join course_master m on m.id = c.master_id";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant tenant;

    CourseListService(NamedParameterJdbcTemplate jdbc, CurrentTenant tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /**
     * The calendars of {@code yearId} that hold at least one course, by school name, with their terms.
     *
     * @throws NotInDistrictException when the district has no such school year
     * @throws UnknownTenantException  when the caller has no district
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<YearCalendar> calendars(long yearId) {
        tenant.require();
        MapSqlParameterSource params = new MapSqlParameterSource("yearId", yearId);
        List<YearCalendar> calendars = jdbc.query(CALENDARS, params, (rs, n) -> new YearCalendar(rs.getLong("id"),
                rs.getString("name"), rs.getLong("school_id"), rs.getString("school_code"),
                rs.getString("school_name"), Arrays.asList((String[]) rs.getArray("terms").getArray()),
                rs.getInt("courses")));
        if (calendars.isEmpty() && !exists("school_year", yearId)) {
            throw NotInDistrictException.schoolYear(yearId);
        }
        return calendars;
    }

    /**
     * One page of the courses of {@code calendarId} and/or of {@code masterId} (at least one is given) whose link
     * state is one of {@code linkStates} (empty: any), newest year first, then by school name and number (within one
     * calendar: the Courses view's order).
     *
     * @throws NotInDistrictException when the district has no such calendar or master
     * @throws UnknownTenantException  when the caller has no district
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<CourseListing> courses(Long calendarId, Long masterId, Set<CourseLinkState> linkStates, long offset,
                                       int limit) {
        if (calendarId == null && masterId == null) {
            throw new IllegalArgumentException("A course list needs a calendar or a master");
        }
        tenant.require();
        MapSqlParameterSource params = new MapSqlParameterSource("calendarId", calendarId)
                .addValue("masterId", masterId).addValue("offset", offset).addValue("limit", limit)
                .addValue("states", linkStates.stream().map(Enum::name).toList());
        List<String> where = new ArrayList<>();
        if (calendarId != null) {
            where.add("c.calendar_id = :calendarId");
        }
        if (masterId != null) {
            where.add("c.master_id = :masterId");
        }
        String sql = "select *, " + LINK_STATE + " as link_state from (" + COURSES + " where "
                + String.join(" and ", where) + ") x"
                + (linkStates.isEmpty() ? "" : " where " + LINK_STATE + " in (:states)")
                + " order by start_date desc, school_name, number, id offset :offset limit :limit";
        List<CourseListing> page = jdbc.query(sql, params, (rs, n) -> new CourseListing(rs.getLong("id"),
                rs.getString("number"), rs.getString("name"), rs.getLong("school_id"), rs.getString("school_name"),
                rs.getLong("calendar_id"), rs.getObject("master_id", Long.class), rs.getString("master_number"),
                CourseLinkState.valueOf(rs.getString("link_state")), rs.getBoolean("desynced"),
                rs.getBoolean("ignore_master_push")));
        if (page.isEmpty()) {
            if (calendarId != null && !exists("calendar", calendarId)) {
                throw NotInDistrictException.calendar(calendarId);
            }
            if (masterId != null && !exists("course_master", masterId)) {
                throw NotInDistrictException.master(masterId);
            }
        }
        return page;
    }

    private boolean exists(String table, long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + table + " where id = :id)",
                new MapSqlParameterSource("id", id), Boolean.class));
    }
}
