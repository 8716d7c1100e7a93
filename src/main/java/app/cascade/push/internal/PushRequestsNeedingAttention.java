package app.cascade.push.internal;

import app.cascade.push.PushKind;
import app.cascade.push.PushStatus;
import app.cascade.push.RequestNeedingAttention;
import app.cascade.push.engine.PushMode;
import app.cascade.tenancy.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The push requests of every district that support should look at, in one query over the district schemas (their
 * names come from the validated tenant registry). A request is listed when it
 * <ul>
 *   <li>failed since a given instant and was not retried yet, or</li>
 *   <li>is stuck: SCHEDULED, QUEUED or RUNNING, submitted before a given instant (a request just stored gets its job
 *       a moment after its commit), with no job that JobRunr will still run — except a QUEUED request of a district
 *       whose Batch Reporting is off, or one held with a "Waiting: " note (for a free slot of its district, or for its
 *       district to be switched on; decision 0025), which waits by design and runs once it may.</li>
 * </ul>
 * Only push bookkeeping is read, never grading data.
 */
@Component
public class PushRequestsNeedingAttention {

    private static final String DISTRICT = """
            select t.id as district_id, r.id, r.kind, r.mode, r.status, r.submitted_by, r.attempts, r.message,
                   y.code as year_code, cat.name as catalog_name,
                   case when r.status = 'FAILED' then 'FAILED' else 'STUCK' end as problem,
                   case when r.status = 'FAILED' then coalesce(r.finished_at, r.scheduled_at) else r.scheduled_at end
                       as since,
                   case when r.job_id is null then 'NONE' when j.id is null then 'MISSING' else j.state end as job_state
            from %1$s.push_request r
            join cascade.tenant t on t.id = ?
            join %1$s.school_year y on y.id = r.school_year_id
            left join %1$s.course_catalog cat on cat.id = coalesce(r.catalog_id,
                (select m.catalog_id from %1$s.course_master m where m.id = r.master_id))
            %2$s
            where (r.status = 'FAILED' and r.finished_at >= ? and not exists (select 1 from %1$s.push_request_action a
                       where a.request_id = r.id and a.action = 'RETRIED'))
               or (r.status in ('SCHEDULED', 'QUEUED', 'RUNNING') and r.submitted_at < ?
                   and (j.state is null or j.state not in %3$s)
                   and not (r.status = 'QUEUED'
                            and (not t.batch_reporting or coalesce(r.message like 'Waiting: %%', false))))
            """;

    private final JdbcTemplate jdbc;

    public PushRequestsNeedingAttention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} requests, the latest first (by failure time, or by due time for stuck ones). */
    public List<RequestNeedingAttention> find(Collection<Tenant> districts, Instant failedSince,
                                             Instant stuckIfSubmittedBefore, int limit) {
        if (districts.isEmpty()) {
            return List.of();
        }
        Map<String, Tenant> byId = districts.stream().collect(Collectors.toMap(Tenant::id, Function.identity()));
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Tenant district : districts) {
            parts.add(DISTRICT.formatted(district.schema(), PushRequestAudit.JOIN_JOB, PushRequestAudit.LIVE_STATES));
            args.add(district.id());
            args.add(Timestamp.from(failedSince));
            args.add(Timestamp.from(stuckIfSubmittedBefore));
        }
        args.add(limit);
        String sql = "select * from (" + String.join(" union all ", parts) + ") x order by since desc, id limit ?";
        return jdbc.query(sql, (rs, n) -> new RequestNeedingAttention(rs.getString("district_id"),
                byId.get(rs.getString("district_id")).displayName(), rs.getObject("id", UUID.class),
                RequestNeedingAttention.Problem.valueOf(rs.getString("problem")),
                PushKind.valueOf(rs.getString("kind")), rs.getString("catalog_name"), rs.getString("year_code"),
                PushMode.valueOf(rs.getString("mode")), PushStatus.valueOf(rs.getString("status")),
                rs.getString("submitted_by"), rs.getTimestamp("since").toInstant(), rs.getInt("attempts"),
                rs.getString("job_state").strip(), rs.getString("message")), args.toArray());
    }
}
