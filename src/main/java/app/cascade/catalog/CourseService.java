package app.cascade.catalog;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;
import app.cascade.tenancy.CurrentTenant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * School years, schools and the courses of a school's calendar, with master links and derived link states
 * (push-rules §1, §3). Courses are paged and filtered in the database.
 */
@Service
public class CourseService {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant tenant;

    CourseService(NamedParameterJdbcTemplate jdbc, CurrentTenant tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** The district's school years, newest first; the one containing today is flagged current. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<SchoolYearRef> schoolYears() {
        LocalDate today = LocalDate.now(tenant.require().timeZone());
        return jdbc.query(CourseQueries.SCHOOL_YEARS, (rs, n) -> {
            LocalDate start = rs.getObject("start_date", LocalDate.class);
            LocalDate end = rs.getObject("end_date", LocalDate.class);
            return new SchoolYearRef(rs.getLong("id"), rs.getString("code"), start, end,
                    !today.isBefore(start) && !today.isAfter(end));
        });
    }

    /** The district's schools, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<SchoolRef> schools() {
        return jdbc.query(CatalogService.SCHOOLS, (rs, n) -> CatalogService.school(rs));
    }

    /** The calendars of a school year that hold at least one course, by school name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<CalendarRef> calendars(long yearId) {
        return jdbc.query("""
                select cal.id, s.code, s.name, count(c.id) as courses
                from calendar cal join school s on s.id = cal.school_id join course c on c.calendar_id = cal.id
                where cal.school_year_id = :yearId
                group by cal.id, s.code, s.name order by s.name, cal.id
                """, new MapSqlParameterSource("yearId", yearId), (rs, n) -> new CalendarRef(rs.getLong("id"),
                rs.getString("code"), rs.getString("name"), rs.getInt("courses")));
    }

    /**
     * One page of the courses of {@code schoolId}'s calendar for {@code yearId} whose number, name, department or
     * master number contains {@code filter} (blank: all), ordered by number.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<CourseRow> page(long yearId, long schoolId, String filter, int offset, int limit) {
        MapSqlParameterSource params = listParams(yearId, schoolId, filter)
                .addValue("offset", offset).addValue("limit", limit);
        return jdbc.query(CourseQueries.COURSE_PAGE, params, (rs, n) -> {
            MasterRef master = masterRef(rs, "master_id");
            boolean ignore = rs.getBoolean("ignore_master_push");
            return new CourseRow(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
                    rs.getString("department"), master, ignore,
                    CourseLinkState.valueOf(rs.getString("link_state")));
        });
    }

    /** How many courses {@link #page} can return for the same arguments. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public int count(long yearId, long schoolId, String filter) {
        Integer count = jdbc.queryForObject(CourseQueries.COURSE_COUNT, listParams(yearId, schoolId, filter),
                Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * One course's setup and its sections'; empty when the district has no such course. A caller without a district
     * is refused ({@link app.cascade.tenancy.UnknownTenantException}).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<CourseDetails> course(long courseId) {
        tenant.require();
        MapSqlParameterSource params = new MapSqlParameterSource("courseId", courseId);
        List<CourseDetails> found = jdbc.query(CourseQueries.COURSE, params, (rs, n) -> details(rs, params));
        return found.stream().findFirst();
    }

    private CourseDetails details(ResultSet rs, MapSqlParameterSource params) throws SQLException {
        MasterRef master = masterRef(rs, "m_id");
        boolean ignore = rs.getBoolean("ignore_master_push");
        Set<CatalogLock> locks = master == null ? EnumSet.noneOf(CatalogLock.class)
                : catalogLocks(rs.getLong("catalog_id"));
        Set<CatalogLock> lockedFields = CatalogLock.courseInfoFields().stream()
                .filter(f -> LinkStates.courseInfoLocked(f, master != null, locks, ignore))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CatalogLock.class)));
        CourseInfoValues info = new CourseInfoValues(rs.getString("name"), rs.getString("state_code"),
                rs.getString("department"), rs.getBigDecimal("credits"), rs.getBigDecimal("gpa_weight"),
                rs.getString("description"));

        List<SetupItem> items = jdbc.query(CourseQueries.COURSE_ITEMS, params, (r, n) -> {
            GradingItem values = values(r);
            ItemLinkState state = LinkStates.courseItem(linked(r, "master_item_id"), values.type(), locks, ignore);
            return setupItem(r, values, state);
        });
        Map<UUID, ItemLinkState> courseItemStates = new HashMap<>();
        items.forEach(i -> courseItemStates.put(i.values().id(), i.linkState()));

        Map<Long, List<SetupItem>> sectionItems = new HashMap<>();
        jdbc.query(CourseQueries.SECTION_ITEMS, params, r -> {
            GradingItem values = values(r);
            UUID link = r.getObject("course_item_id", UUID.class);
            ItemLinkState state = LinkStates.sectionItem(link != null, courseItemStates.get(link));
            sectionItems.computeIfAbsent(r.getLong("section_id"), k -> new ArrayList<>())
                    .add(setupItem(r, values, state));
        });
        List<SectionSetup> sections = jdbc.query(CourseQueries.SECTIONS, params, (r, n) ->
                new SectionSetup(r.getLong("id"), r.getString("number"), r.getString("teacher"),
                        byType(sectionItems.getOrDefault(r.getLong("id"), List.of()))));

        return new CourseDetails(rs.getLong("id"), rs.getString("number"), rs.getString("school_name"),
                rs.getString("year_code"), info, master, ignore,
                CourseLinkState.valueOf(rs.getString("link_state")), locks, lockedFields, byType(items),
                sections);
    }

    private Set<CatalogLock> catalogLocks(long catalogId) {
        List<CatalogLock> locks = jdbc.query(CourseQueries.CATALOG_LOCKS,
                new MapSqlParameterSource("catalogId", catalogId), (r, n) -> CatalogLock.fromDb(r.getString(1)));
        return locks.isEmpty() ? EnumSet.noneOf(CatalogLock.class) : EnumSet.copyOf(locks);
    }

    private static MapSqlParameterSource listParams(long yearId, long schoolId, String filter) {
        return new MapSqlParameterSource("yearId", yearId).addValue("schoolId", schoolId)
                .addValue("pattern", Filters.containsPattern(filter));
    }

    private static MasterRef masterRef(ResultSet rs, String idColumn) throws SQLException {
        long id = rs.getLong(idColumn);
        return rs.wasNull() ? null : new MasterRef(id, rs.getString("catalog_name"), rs.getString("master_number"));
    }

    private static boolean linked(ResultSet rs, String linkColumn) throws SQLException {
        return rs.getObject(linkColumn, UUID.class) != null;
    }

    private static List<SetupItem> byType(List<SetupItem> items) {
        return items.stream().sorted(Comparator.comparing(SetupItem::type)).toList();
    }

    private static SetupItem setupItem(ResultSet rs, GradingItem values, ItemLinkState state) throws SQLException {
        return new SetupItem(values, Origin.valueOf(rs.getString("origin")), state, rs.getBoolean("residual"),
                rs.getBoolean("forced_no_calc"));
    }

    /** The values of an item row of {@code master_item}, {@code course_item} or {@code section_item}. */
    static GradingItem values(ResultSet rs) throws SQLException {
        return new GradingItem(rs.getObject("id", UUID.class), ItemType.valueOf(rs.getString("item_type")),
                rs.getString("code"), rs.getString("name"), rs.getString("task_code"), rs.getString("term_code"),
                rs.getBigDecimal("weight"), rs.getInt("seq"), rs.getString("calc_method"),
                rs.getObject("rounding", Integer.class), rs.getString("parts"), rs.getString("match_key"));
    }
}
