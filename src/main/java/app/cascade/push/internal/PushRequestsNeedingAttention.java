package app.cascade.push.internal;

import app.cascade.push.PushKind;
import app.cascade.push.PushStatus;
import app.cascade.push.RequestNeedingAttention;
import app.cascade.push.engine.PushMode;
import app.cascade.tenancy.DistrictDatabases;
import app.cascade.tenancy.DistrictSettings;
import app.cascade.tenancy.Tenant;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The push requests of every district that support should look at, in one query over the district schemas of each
 * database server ({@link DistrictDatabases#query}; the schema names come from the validated tenant registry, the
 * Batch Reporting switches from the shared schema) and one of JobRunr's jobs ({@link JobStates}). A request is listed
 * when it
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

    /**
     * A district's candidates: failed since a given instant and not retried, or not ended and submitted before a
     * given instant (not a QUEUED request waiting for Batch Reporting). Whether their job is live is read afterwards,
     * from JobRunr's table on the main server ({@link JobStates}).
     */
    private static final String DISTRICT = """
            select t.id as district_id, r.id, r.kind, r.mode, r.status, r.submitted_by, r.attempts, r.message,
                   r.job_id, y.code as year_code, cat.name as catalog_name,
                   case when r.status = 'FAILED' then 'FAILED' else 'STUCK' end as problem,
                   case when r.status = 'FAILED' then coalesce(r.finished_at, r.scheduled_at) else r.scheduled_at end
                       as since
            from %1$s.push_request r
            cross join (select ?::text as id, ?::boolean as batch_reporting) t
            join %1$s.school_year y on y.id = r.school_year_id
            left join %1$s.course_catalog cat on cat.id = coalesce(r.catalog_id,
                (select m.catalog_id from %1$s.course_master m where m.id = r.master_id))
            where (r.status = 'FAILED' and r.finished_at >= ? and not exists (select 1 from %1$s.push_request_action a
                       where a.request_id = r.id and a.action = 'RETRIED'))
               or (r.status in ('SCHEDULED', 'QUEUED', 'RUNNING') and r.submitted_at < ?
                   and not (r.status = 'QUEUED'
                            and (not t.batch_reporting or coalesce(r.message like 'Waiting: %%', false))))
            """;

    /** The latest first, as before (a UUID's text orders as PostgreSQL orders the UUID). */
    private static final Comparator<RequestNeedingAttention> LATEST_FIRST = Comparator
            .comparing(RequestNeedingAttention::since, Comparator.reverseOrder())
            .thenComparing(r -> r.id().toString());

    /** A candidate row, with its job id. */
    private record Candidate(RequestNeedingAttention row, UUID jobId) {
    }

    private final DistrictDatabases databases;
    private final DistrictSettings settings;
    private final JobStates jobs;

    public PushRequestsNeedingAttention(DistrictDatabases databases, DistrictSettings settings, JobStates jobs) {
        this.databases = databases;
        this.settings = settings;
        this.jobs = jobs;
    }

    /** At most {@code limit} requests, the latest first (by failure time, or by due time for stuck ones). */
    public List<RequestNeedingAttention> find(Collection<Tenant> districts, Instant failedSince,
                                             Instant stuckIfSubmittedBefore, int limit) {
        if (districts.isEmpty()) {
            return List.of();
        }
        Map<String, Boolean> batchReporting = settings.batchReportingByDistrict();
        List<Candidate> candidates = databases.query(districts, (jdbc, onServer) -> {
            List<String> parts = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            for (Tenant district : onServer) {
                parts.add(DISTRICT.formatted(district.schema()));
                args.add(district.id());
                args.add(Boolean.TRUE.equals(batchReporting.get(district.id())));
                args.add(Timestamp.from(failedSince));
                args.add(Timestamp.from(stuckIfSubmittedBefore));
            }
            return jdbc.query(String.join(" union all ", parts), (rs, n) -> candidate(rs, onServer),
                    args.toArray());
        });
        Map<UUID, String> states = jobs.of(candidates.stream().map(Candidate::jobId).toList());
        return candidates.stream()
                .filter(c -> c.row().problem() == RequestNeedingAttention.Problem.FAILED
                        || !JobRunrJobs.LIVE.contains(states.getOrDefault(c.jobId(), "MISSING")))
                .map(c -> withJobState(c, states))
                .sorted(LATEST_FIRST).limit(limit).toList();
    }

    private static Candidate candidate(ResultSet rs, List<Tenant> districts) throws SQLException {
        String districtId = rs.getString("district_id");
        String name = districts.stream().filter(t -> t.id().equals(districtId)).findFirst().orElseThrow()
                .displayName();
        return new Candidate(new RequestNeedingAttention(districtId, name, rs.getObject("id", UUID.class),
                RequestNeedingAttention.Problem.valueOf(rs.getString("problem")),
                PushKind.valueOf(rs.getString("kind")), rs.getString("catalog_name"), rs.getString("year_code"),
                PushMode.valueOf(rs.getString("mode")), PushStatus.valueOf(rs.getString("status")),
                rs.getString("submitted_by"), rs.getTimestamp("since").toInstant(), rs.getInt("attempts"), null,
                rs.getString("message")), rs.getObject("job_id", UUID.class));
    }

    /** NONE: no job recorded; MISSING: JobRunr no longer has it; else its state. */
    private static RequestNeedingAttention withJobState(Candidate c, Map<UUID, String> states) {
        RequestNeedingAttention r = c.row();
        String state = c.jobId() == null ? "NONE" : states.getOrDefault(c.jobId(), "MISSING");
        return new RequestNeedingAttention(r.districtId(), r.district(), r.id(), r.problem(), r.kind(), r.catalog(),
                r.schoolYear(), r.mode(), r.status(), r.submittedBy(), r.since(), r.attempts(), state, r.message());
    }
}
