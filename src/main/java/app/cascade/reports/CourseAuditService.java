package app.cascade.reports;

import app.cascade.catalog.CatalogLock;
import app.cascade.grading.LockType;
import app.cascade.tables.ReportHeader;
import app.cascade.tables.ReportWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Course Audit Report (push-rules §6): linked courses out of sync with their master, one row per discrepancy, in SQL
 * so that it pages in the database. For the types the master's catalog locks:
 * <ul>
 *   <li>the three desync conditions of push-rules §3, exactly as {@code DesyncDetector} checks them (residual items
 *       never count, Ignore Master Push courses never desync);</li>
 *   <li>a locked Course Info field whose value differs from the master's;</li>
 *   <li>a linked item whose pushed values differ from its master item's (for assessments: a soft edit);</li>
 *   <li>a master item the course lacks (its term being in the course's calendar), and a linked item whose master item
 *       was removed: both wait for the next push.</li>
 * </ul>
 * A course's status is Desynced when any of its rows is a desync, Ignore master push when flagged, else Linked.
 */
@Service
public class CourseAuditService {

    /** Joins the catalog lock of item {@code %1$s}'s type, so only locked types pass. */
    private static final String LOCKED = """
            join catalog_lock l on l.catalog_id = s.catalog_id and l.lock_name = LOCK_NAME
            """;

    private static String locked(String alias) {
        return LOCKED.replace("LOCK_NAME", CatalogLock.lockNameSql(alias + ".item_type"));
    }

    private static final String ROWS = """
            with scope as materialized (
                select c.id as course_id, c.master_id, c.ignore_master_push as ignored, c.calendar_id,
                       cal.school_year_id as year_id, sch.id as school_id, sch.name as school, c.number,
                       c.name as course_name, m.catalog_id, m.number as master_number
                from course c join calendar cal on cal.id = c.calendar_id
                join school sch on sch.id = cal.school_id
                join course_master m on m.id = c.master_id
                where (?::bigint is null or cal.school_year_id = ?)
                  and (?::bigint is null or m.catalog_id = ?)
                  and (?::bigint is null or sch.id = ?)),
            found as (
                select s.course_id, 'COURSE_INFO' as data_type, f.label as item, f.mv as master_value,
                       f.cv as course_value, 'Locked field differs from the master (not pushed yet)' as discrepancy,
                       false as desync
                from scope s join course_master m on m.id = s.master_id join course c on c.id = s.course_id
                cross join lateral (values
                    ('name', 'Name', m.name, c.name),
                    ('stateCode', 'State code', m.state_code, c.state_code),
                    ('department', 'Department', m.department, c.department),
                    ('credits', 'Credits', trim_scale(m.credits)::text, trim_scale(c.credits)::text),
                    ('gpaWeight', 'GPA weight', trim_scale(m.gpa_weight)::text, trim_scale(c.gpa_weight)::text),
                    ('description', 'Description', m.description, c.description)) f(lock_name, label, mv, cv)
                join catalog_lock l on l.catalog_id = s.catalog_id and l.lock_name = f.lock_name
                where f.mv is distinct from f.cv
                union all
                select s.course_id, ci.item_type, LABEL_CI, VALUES_MI, VALUES_CI,
                       case when ci.item_type = 'ASSESSMENT'
                            then 'Assessment edited at the course (assessments are soft: the next push restores the master''s values)'
                            else 'Locked item differs from the master (not pushed yet)' end, false
                from scope s join course_item ci on ci.course_id = s.course_id and not ci.residual
                     and not ci.forced_no_calc
                join master_item mi on mi.id = ci.master_item_id and mi.master_id = s.master_id
                LOCKED_CI
                where DIFFER
                union all
                select s.course_id, mi.item_type, LABEL_MI, VALUES_MI, null,
                       'Missing at the course: added to the master, not pushed yet', false
                from scope s join master_item mi on mi.master_id = s.master_id
                LOCKED_MI
                where not exists (select 1 from course_item x where x.course_id = s.course_id
                                  and x.item_type = mi.item_type
                                  and (x.master_item_id = mi.id or x.match_key = mi.match_key))
                  and (mi.item_type not in ('CALC_OPTION', 'COMPOSITE')
                       or exists (select 1 from term tm where tm.calendar_id = s.calendar_id
                                  and tm.code = mi.term_code))
                union all
                select s.course_id, ci.item_type, LABEL_CI, null, VALUES_CI,
                       'Removed from the master, not pushed yet', false
                from scope s join course_item ci on ci.course_id = s.course_id and not ci.residual
                     and ci.master_item_id is not null
                LOCKED_CI
                where not exists (select 1 from master_item x where x.id = ci.master_item_id)
                union all
                select s.course_id, ci.item_type, LABEL_CI, VALUES_OWN, VALUES_CI,
                       'Desynced: linked to an item of another course master, ' || om.number, true
                from scope s join course_item ci on ci.course_id = s.course_id and not ci.residual
                join master_item mi on mi.id = ci.master_item_id and mi.master_id <> s.master_id
                join course_master om on om.id = mi.master_id
                left join master_item own on own.master_id = s.master_id and own.item_type = ci.item_type
                     and own.match_key = ci.match_key
                LOCKED_CI
                where not s.ignored
                union all
                select s.course_id, mi.item_type, LABEL_MI, VALUES_MI, string_agg(VALUES_CI, '; ' order by ci.id),
                       'Desynced: ' || count(*) || ' items are linked to this master item', true
                from scope s join course_item ci on ci.course_id = s.course_id and not ci.residual
                join master_item mi on mi.id = ci.master_item_id and mi.master_id = s.master_id
                LOCKED_MI
                where not s.ignored
                group by s.course_id, mi.id
                having count(*) > 1
                union all
                select s.course_id, ci.item_type, LABEL_CI, VALUES_MI, VALUES_CI,
                       'Desynced: not linked, but has the key of a master item', true
                from scope s join course_item ci on ci.course_id = s.course_id and not ci.residual
                     and ci.master_item_id is null
                join master_item mi on mi.master_id = s.master_id and mi.item_type = ci.item_type
                     and mi.match_key = ci.match_key
                LOCKED_CI
                where not s.ignored and not (ci.item_type = 'CATEGORY' and ci.origin = 'COURSE')),
            rows as (
                select s.*, f.data_type, f.item, f.master_value, f.course_value, f.discrepancy,
                       case when s.ignored then 'IGNORE_MASTER_PUSH'
                            when bool_or(f.desync) over (partition by f.course_id) then 'DESYNCED'
                            else 'LINKED' end as status,
                       array_position(array['COURSE_INFO', 'TASK', 'STANDARD', 'CATEGORY', 'ASSESSMENT',
                                            'CALC_OPTION', 'COMPOSITE'], f.data_type) as type_order
                from found f join scope s on s.course_id = f.course_id),
            filtered as (select * from rows where ?::text[] is null or data_type = any (?::text[]))
            """
            .replace("LOCKED_CI", locked("ci")).replace("LOCKED_MI", locked("mi"))
            .replace("LABEL_CI", ItemSql.label("ci.")).replace("LABEL_MI", ItemSql.label("mi."))
            .replace("VALUES_CI", ItemSql.values("ci.")).replace("VALUES_MI", ItemSql.values("mi."))
            .replace("VALUES_OWN", ItemSql.values("own.")).replace("DIFFER", ItemSql.differ("ci.", "mi."));

    private static final String PAGE = ROWS + """
            select * from filtered
            order by school, number, course_id, type_order, item, discrepancy
            offset ? limit ?
            """;

    private static final RowMapper<AuditRow> ROW = (rs, n) -> {
        String type = rs.getString("data_type");
        return new AuditRow(rs.getLong("course_id"), rs.getLong("school_id"), rs.getLong("year_id"),
                rs.getString("school"), rs.getString("number"), rs.getString("course_name"), rs.getLong("master_id"),
                rs.getLong("catalog_id"), rs.getString("master_number"), AuditStatus.valueOf(rs.getString("status")),
                type.equals("COURSE_INFO") ? LockType.COURSE_INFO.label() : ReportFilter.dataTypeLabel(type),
                rs.getString("item"), ItemSql.readable(rs.getString("master_value")),
                ItemSql.readable(rs.getString("course_value")),
                rs.getString("discrepancy"));
    };

    private final JdbcTemplate jdbc;
    private final ReportScopes scopes;

    public CourseAuditService(JdbcTemplate jdbc, ReportScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** One page, by school, course, data type and item. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<AuditRow> page(ReportFilter filter, int offset, int limit) {
        ReportFilter.checkPage(offset, limit);
        return jdbc.query(PAGE, ROW, args(filter, offset, limit));
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public int count(ReportFilter filter) {
        Integer count = jdbc.queryForObject(ROWS + "select count(*)::int from filtered", Integer.class, args(filter));
        return count == null ? 0 : count;
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public String emptyText(ReportFilter filter) {
        return "No desynced courses" + scopes.describe(filter) + ": every linked course matches its master's "
                + "locked data.";
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public byte[] csv(ReportFilter filter) {
        return ReportWriter.csv(AuditRow.TABLE, page(filter, 0, ResidualReportService.EXPORT_LIMIT));
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public byte[] pdf(ReportFilter filter) {
        List<AuditRow> rows = page(filter, 0, ResidualReportService.EXPORT_LIMIT);
        return ReportWriter.pdf(scopes.district() + " — Course Audit Report" + scopes.describe(filter),
                scopes.about(filter, true).and(List.of(ReportHeader.field("Courses",
                        String.valueOf(rows.stream().mapToLong(AuditRow::courseId).distinct().count())))),
                AuditRow.TABLE, rows, emptyText(filter));
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public String fileName(ReportFilter filter, String extension) {
        return ReportWriter.fileName("course-audit" + scopes.describe(filter), extension);
    }

    private static Object[] args(ReportFilter filter, Object... more) {
        String[] types = filter.auditTypeNames();
        Object[] scope = {filter.yearId(), filter.yearId(), filter.catalogId(), filter.catalogId(),
                filter.schoolId(), filter.schoolId(), types, types};
        Object[] all = new Object[scope.length + more.length];
        System.arraycopy(scope, 0, all, 0, scope.length);
        System.arraycopy(more, 0, all, scope.length, more.length);
        return all;
    }
}
