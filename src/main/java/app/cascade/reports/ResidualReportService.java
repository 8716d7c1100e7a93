package app.cascade.reports;

import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.ReportText;
import app.cascade.tables.ReportHeader;
import app.cascade.tables.ReportWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Residual Data Report (push-rules §6): every course or section item that is residual ("course managed"), with its
 * dependents counted exactly as the push engine counts them (push-rules §1, GradebookReads). Filtered by year, catalog
 * (of the course's master), school and data type; paged in the database. Dependents are counted for the page's rows
 * only, each through the gradebook's item indexes.
 */
@Service
public class ResidualReportService {

    /** Exports stop here; the grid pages through any number. */
    public static final int EXPORT_LIMIT = 50_000;

    private static final String SCOPE = """
            join course c on c.id = %s
            join calendar cal on cal.id = c.calendar_id
            join school sch on sch.id = cal.school_id
            left join course_master m on m.id = c.master_id
            where %s.residual
              and (?::bigint is null or cal.school_year_id = ?)
              and (?::bigint is null or m.catalog_id = ?)
              and (?::bigint is null or sch.id = ?)
              and (?::text[] is null or %s.item_type = any (?::text[]))
            """;

    private static final String ITEMS = """
            with items as (
                select ci.id, false as section_level, c.id as course_id, sch.id as school_id,
                       cal.school_year_id as year_id, sch.name as school, c.number as course_number,
                       c.name as course_name, null::bigint as section_id, null::text as section,
                       null::text as teacher, ci.item_type, %s as item, ci.origin, ci.task_code, ci.term_code
                from course_item ci
                %s
                union all
                select si.id, true, c.id, sch.id, cal.school_year_id, sch.name, c.number, c.name, s.id, s.number,
                       s.teacher, si.item_type, %s, si.origin, si.task_code, si.term_code
                from section_item si join section s on s.id = si.section_id
                %s)
            """.formatted(ItemSql.label("ci."), SCOPE.formatted("ci.course_id", "ci", "ci"),
            ItemSql.label("si."), SCOPE.formatted("s.course_id", "si", "si"));

    private static final String PAGE = ITEMS + """
            , page as (
                select * from items
                order by school, course_number, course_id, section nulls first, item_type, item, id
                offset ? limit ?)
            select p.*, coalesce(ad.assignments, 0) as assignments, coalesce(ad.scores, 0) as scores,
                   coalesce(ad.comments, 0) as comments,
                   (select count(*) from posted_grade pg
                     where not p.section_level and p.item_type in ('TASK', 'STANDARD') and pg.task_item_id = p.id)
                 + (select count(*) from posted_grade pg join section ps on ps.id = pg.section_id
                     join course_item t on t.id = pg.task_item_id
                     where not p.section_level and p.item_type in ('CALC_OPTION', 'COMPOSITE')
                       and ps.course_id = p.course_id and t.code = p.task_code and pg.term_code = p.term_code)
                 + (select count(*) from posted_grade pg join course_item t on t.id = pg.task_item_id
                     where p.section_level and p.item_type in ('CALC_OPTION', 'COMPOSITE')
                       and pg.section_id = p.section_id and t.code = p.task_code and pg.term_code = p.term_code)
                   as posted_grades
            from page p
            left join lateral (
                select count(*)::int as assignments,
                       sum((select count(*) from score x where x.assignment_id = a.id))::int as scores,
                       sum((select count(*) from assignment_comment x where x.assignment_id = a.id))::int as comments
                from (select a.id from assignment a
                      where not p.section_level and p.item_type in ('TASK', 'STANDARD') and a.task_item_id = p.id
                      union all
                      select a.id from assignment a
                      where p.section_level and p.item_type = 'CATEGORY' and a.category_item_id = p.id
                      union all
                      select a.id from section_item si join assignment a on a.category_item_id = si.id
                      where not p.section_level and p.item_type = 'CATEGORY' and si.course_item_id = p.id) a
            ) ad on true
            order by p.school, p.course_number, p.course_id, p.section nulls first, p.item_type, p.item, p.id
            """;

    private static final RowMapper<ResidualRow> ROW = (rs, n) -> new ResidualRow(rs.getObject("id", UUID.class),
            rs.getLong("course_id"), rs.getLong("school_id"), rs.getLong("year_id"), rs.getString("school"),
            rs.getString("course_number"), rs.getString("course_name"), rs.getString("section"),
            rs.getString("teacher"), ReportFilter.dataTypeLabel(rs.getString("item_type")), rs.getString("item"),
            rs.getString("origin"), new Dependents(rs.getInt("assignments"), rs.getInt("scores"),
            rs.getInt("posted_grades"), rs.getInt("comments")));

    private final JdbcTemplate jdbc;
    private final ReportScopes scopes;

    public ResidualReportService(JdbcTemplate jdbc, ReportScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** One page, by school, course, section (course level first), data type and item. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<ResidualRow> page(ReportFilter filter, int offset, int limit) {
        ReportFilter.checkPage(offset, limit);
        return jdbc.query(PAGE, ROW, args(filter, offset, limit));
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public int count(ReportFilter filter) {
        Integer count = jdbc.queryForObject(ITEMS + "select count(*)::int from items", Integer.class, args(filter));
        return count == null ? 0 : count;
    }

    /** What an empty report means, in the filter's words. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public String emptyText(ReportFilter filter) {
        return "No residual (course managed) setup" + scopes.describe(filter) + ": no push has kept an item only "
                + "because of its grades or assignments.";
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public byte[] csv(ReportFilter filter) {
        return ReportWriter.csv(ResidualRow.TABLE, page(filter, 0, EXPORT_LIMIT));
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public byte[] pdf(ReportFilter filter) {
        List<ResidualRow> rows = page(filter, 0, EXPORT_LIMIT);
        return ReportWriter.pdf(scopes.district() + " — Residual Data Report" + scopes.describe(filter),
                scopes.about(filter, true).and(List.of(ReportHeader.field("Grades / assignments",
                        ReportText.dependents(rows.stream().map(ResidualRow::dependents)
                                .reduce(Dependents.NONE, ResidualReportService::plus))))),
                ResidualRow.TABLE, rows, emptyText(filter));
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public String fileName(ReportFilter filter, String extension) {
        return ReportWriter.fileName("residual-data" + scopes.describe(filter), extension);
    }

    private static Dependents plus(Dependents a, Dependents b) {
        return new Dependents(a.assignments() + b.assignments(), a.scores() + b.scores(),
                a.postedGrades() + b.postedGrades(), a.comments() + b.comments());
    }

    private static Object[] args(ReportFilter filter, Object... more) {
        String[] types = filter.itemTypeNames();
        Object[] scope = {filter.yearId(), filter.yearId(), filter.catalogId(), filter.catalogId(),
                filter.schoolId(), filter.schoolId(), types, types};
        Object[] all = new Object[scope.length * 2 + more.length];
        System.arraycopy(scope, 0, all, 0, scope.length);
        System.arraycopy(scope, 0, all, scope.length, scope.length);
        System.arraycopy(more, 0, all, scope.length * 2, more.length);
        return all;
    }
}
