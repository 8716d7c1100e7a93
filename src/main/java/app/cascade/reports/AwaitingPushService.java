package app.cascade.reports;

import app.cascade.tables.ReportWriter;
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

    /**
     * The changes since each master's last push, netted per item (one row per item that differs from what was pushed):
     * an item added and removed again since the push is not listed; one added (and perhaps modified) is "Added";
     * one that existed at the push and was removed is "Removed"; one removed and added again with the same key, or
     * modified, is "Modified", unless its values are again those its linked courses hold from the push (the values
     * a push wrote; a master with no linked course keeps the row). The row shows the item's latest label, who made
     * the latest change and when.
     */
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
            changes as (
                select ch.id, ch.master_id, ch.item_type, ch.item_id as item,
                       case when ch.item_id is null then ch.id end as lone, ch.item_label, ch.change,
                       coalesce(ch.changed_by_name, ch.changed_by) as changed_by,
                       ch.changed_at
                from master_change ch join course_master m on m.id = ch.master_id
                left join last_push lp on lp.master_id = m.id
                where (lp.pushed_at is null or ch.changed_at > lp.pushed_at)
                  and (?::bigint is null or m.catalog_id = ?)
                  and (?::text[] is null or ch.item_type = any (?::text[]))),
            items as (
                select master_id, item_type, item, max(id) as id,
                       (array_agg(change order by changed_at, id))[1] as first_change,
                       (array_agg(change order by changed_at desc, id desc))[1] as last_change,
                       (array_agg(item_label order by changed_at desc, id desc))[1] as item_label,
                       (array_agg(changed_by order by changed_at desc, id desc))[1] as changed_by,
                       max(changed_at) as changed_at
                from changes group by master_id, item_type, item, lone),
            net as (
                select i.*, case item_type when 'CATEGORY' then lower(btrim(item_label)) else item_label end as key,
                       case when first_change = 'ADDED' then 'ADDED'
                            when last_change = 'REMOVED' then 'REMOVED'
                            else 'MODIFIED' end as change
                from items i
                where not (first_change = 'ADDED' and last_change = 'REMOVED')),
            paired as (
                select n.id, n.master_id, n.item_type, n.item_label, n.changed_by,
                       greatest(n.changed_at, r.changed_at) as changed_at,
                       case when n.change = 'ADDED' and r.item is not null then 'MODIFIED' else n.change end as change,
                       n.item as current_item,
                       case when n.change = 'MODIFIED' then n.item else r.item end as pushed_item
                from net n
                left join lateral (select x.item, x.changed_at from net x
                                   where n.change = 'ADDED' and x.change = 'REMOVED' and x.master_id = n.master_id
                                     and x.item_type = n.item_type and x.key = n.key
                                   order by x.id desc limit 1) r on true
                where n.change <> 'REMOVED'
                   or not exists (select 1 from net a where a.change = 'ADDED' and a.master_id = n.master_id
                                    and a.item_type = n.item_type and a.key = n.key)),
            rows as (
                select p.id, p.master_id, p.item_type, p.item_label, p.change, p.changed_by, p.changed_at
                from paired p
                where p.change <> 'MODIFIED' or not (
                    exists (select 1 from course_item ci join course c on c.id = ci.course_id
                            where ci.master_item_id = p.pushed_item and not c.ignore_master_push)
                    and not exists (
                        select 1 from course_item ci join course c on c.id = ci.course_id
                        join master_item mi on mi.id = p.current_item
                        where ci.master_item_id = p.pushed_item and not c.ignore_master_push
                          and (ci.code, ci.name, ci.task_code, ci.term_code, ci.weight, ci.seq, ci.calc_method,
                               ci.rounding, ci.parts)
                              is distinct from (mi.code, mi.name, mi.task_code, mi.term_code, mi.weight, mi.seq,
                               mi.calc_method, mi.rounding, mi.parts))))
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
        String[] types = filter.itemTypeNames();
        return jdbc.query(PAGE, ROW, filter.yearId(), filter.yearId(), filter.catalogId(), filter.catalogId(),
                filter.catalogId(), filter.catalogId(), types, types, filter.yearId(), filter.yearId(), offset,
                limit);
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public int count(ReportFilter filter) {
        String[] types = filter.itemTypeNames();
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
