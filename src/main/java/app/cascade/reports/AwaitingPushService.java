package app.cascade.reports;

import app.cascade.tenancy.CurrentTenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Course Master Awaiting Push: grading-setup changes on masters since the master was last pushed (by a completed
 * Push All Course Masters of its catalog or a Push to Courses of the master; the push's start is the cut-off, since a
 * push works on the master as it was when it started). Attribute-only changes are not listed (they are not recorded
 * in master_change). Filtered by catalog, data type and year: with a year, only pushes for that year count, and the
 * pending courses are that year's.
 */
@Service
public class AwaitingPushService {

    private static final String ROWS = """
            with last_push as (
                select m.id as master_id, max(r.started_at) as pushed_at
                from course_master m join push_request r
                  on r.status in ('COMPLETED', 'COMPLETED_WITH_WARNINGS')
                 and ((r.kind = 'CATALOG' and r.catalog_id = m.catalog_id)
                      or (r.kind = 'MASTER' and r.master_id = m.id))
                 and (?::bigint is null or r.school_year_id = ?)
                where (?::bigint is null or m.catalog_id = ?)
                group by m.id),
            rows as (
                select ch.id, ch.master_id, ch.item_type, ch.item_label, ch.change, ch.changed_by, ch.changed_at
                from master_change ch join course_master m on m.id = ch.master_id
                left join last_push lp on lp.master_id = m.id
                where (lp.pushed_at is null or ch.changed_at > lp.pushed_at)
                  and (?::bigint is null or m.catalog_id = ?)
                  and (?::text[] is null or ch.item_type = any (?::text[])))
            """;

    private static final String PAGE = ROWS + """
            select cat.id as catalog_id, cat.name as catalog, m.id, m.number, m.name, r.item_type, r.item_label,
                   r.change, r.changed_by, r.changed_at,
                   (select count(*) from course c join calendar cal on cal.id = c.calendar_id
                    where c.master_id = m.id and not c.ignore_master_push
                      and (?::bigint is null or cal.school_year_id = ?)) as linked
            from rows r join course_master m on m.id = r.master_id
            join course_catalog cat on cat.id = m.catalog_id
            order by cat.name, m.number, r.changed_at, r.id
            offset ? limit ?
            """;

    private static final RowMapper<AwaitingPushRow> ROW = (rs, n) -> new AwaitingPushRow(rs.getString("catalog"),
            rs.getLong("id"), rs.getString("number"), rs.getString("name"), rs.getString("item_type"),
            rs.getString("item_label"), rs.getString("change"), rs.getString("changed_by"),
            rs.getTimestamp("changed_at").toInstant(), rs.getInt("linked"), rs.getLong("catalog_id"));

    private final JdbcTemplate jdbc;
    private final ReportScopes scopes;
    private final CurrentTenant tenant;

    public AwaitingPushService(JdbcTemplate jdbc, ReportScopes scopes, CurrentTenant tenant) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.tenant = tenant;
    }

    /** Every change awaiting a push, of one catalog or (null) of all. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<AwaitingPushRow> awaiting(Long catalogId) {
        return page(ReportFilter.all().catalog(catalogId), 0, Integer.MAX_VALUE);
    }

    /** One page, by catalog, master number and time of change. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<AwaitingPushRow> page(ReportFilter filter, int offset, int limit) {
        ReportFilter.checkPage(offset, limit);
        String[] types = filter.itemTypes();
        return jdbc.query(PAGE, ROW, filter.yearId(), filter.yearId(), filter.catalogId(), filter.catalogId(),
                filter.catalogId(), filter.catalogId(), types, types, filter.yearId(), filter.yearId(), offset,
                limit);
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public int count(ReportFilter filter) {
        String[] types = filter.itemTypes();
        Integer count = jdbc.queryForObject(ROWS + "select count(*)::int from rows", Integer.class,
                filter.yearId(), filter.yearId(), filter.catalogId(), filter.catalogId(), filter.catalogId(),
                filter.catalogId(), types, types);
        return count == null ? 0 : count;
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public String emptyText(ReportFilter filter) {
        return "No course master awaits a push" + scopes.describe(filter) + ": every grading-setup change was "
                + "pushed (attribute changes are not listed).";
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public byte[] csv(ReportFilter filter) {
        return ReportWriter.csv(AwaitingPushRow.table(tenant.require().timeZone()),
                page(filter, 0, ResidualReportService.EXPORT_LIMIT));
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public byte[] pdf(ReportFilter filter) {
        List<AwaitingPushRow> rows = page(filter, 0, ResidualReportService.EXPORT_LIMIT);
        return ReportWriter.pdf(scopes.district() + " — Course Master Awaiting Push" + scopes.describe(filter),
                scopes.generatedNow() + " · Rows: " + rows.size(), AwaitingPushRow.table(tenant.require().timeZone()),
                rows, emptyText(filter));
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public String fileName(ReportFilter filter, String extension) {
        return ReportWriter.fileName("awaiting-push" + scopes.describe(filter), extension);
    }
}
