package app.cascade.reports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Course Master Awaiting Push: grading-setup changes on masters since the master was last pushed (by a completed
 * Push All Course Masters of its catalog or a Push to Courses of the master; the push's start is the cut-off, since a
 * push works on the master as it was when it started). Attribute-only changes are not listed.
 */
@Service
public class AwaitingPushService {

    private final JdbcTemplate jdbc;

    public AwaitingPushService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param catalogId a catalog, or null for all */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<AwaitingPushRow> awaiting(Long catalogId) {
        return jdbc.query("""
                with last_push as (
                    select m.id as master_id, max(r.started_at) as pushed_at
                    from course_master m join push_request r
                      on r.status in ('COMPLETED', 'COMPLETED_WITH_WARNINGS')
                     and ((r.kind = 'CATALOG' and r.catalog_id = m.catalog_id)
                          or (r.kind = 'MASTER' and r.master_id = m.id))
                    group by m.id)
                select cat.name as catalog, m.id, m.number, m.name, ch.item_type, ch.item_label, ch.change,
                       ch.changed_by, ch.changed_at,
                       (select count(*) from course c where c.master_id = m.id and not c.ignore_master_push) as linked
                from master_change ch join course_master m on m.id = ch.master_id
                join course_catalog cat on cat.id = m.catalog_id
                left join last_push lp on lp.master_id = m.id
                where (lp.pushed_at is null or ch.changed_at > lp.pushed_at)
                  and (?::bigint is null or m.catalog_id = ?)
                order by cat.name, m.number, ch.changed_at, ch.id
                """, (rs, n) -> new AwaitingPushRow(rs.getString("catalog"), rs.getLong("id"), rs.getString("number"),
                rs.getString("name"), rs.getString("item_type"), rs.getString("item_label"), rs.getString("change"),
                rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(), rs.getInt("linked")),
                catalogId, catalogId);
    }
}
