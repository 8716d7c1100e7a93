package app.cascade.push.internal;

import app.cascade.push.PushResults;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The results of push requests ({@link PushResults}): their courses' outcomes and item counts
 * ({@code push_course_result}), the report rows of the items they kept as course managed, and whether their report
 * has rows. One grouped statement for any number of requests, e.g. a page of the list. Callers own the transaction.
 */
@Component
public class PushRequestResults {

    /** Ignore Master Push and desynced courses are both left alone; a failed course is rolled back (push-rules §4). */
    private static final String RESULTS = """
            select ids.id,
                   coalesce(c.pushed, 0) as pushed, coalesce(c.skipped, 0) as skipped, coalesce(c.failed, 0) as failed,
                   coalesce(c.created, 0) as created, coalesce(c.updated, 0) as updated,
                   coalesce(c.deleted, 0) as deleted, coalesce(k.kept, 0) as kept,
                   exists (select 1 from push_report_row any_row where any_row.request_id = ids.id) as has_rows
            from unnest(?::uuid[]) as ids(id)
            left join (select request_id,
                              count(*) filter (where outcome = 'PUSHED') as pushed,
                              count(*) filter (where outcome in ('SKIPPED', 'DESYNCED')) as skipped,
                              count(*) filter (where outcome = 'ERROR') as failed,
                              sum(created) as created, sum(updated) as updated, sum(deleted) as deleted
                       from push_course_result where request_id = any (?::uuid[]) group by request_id) c
                   on c.request_id = ids.id
            left join (select request_id, count(*) as kept
                       from push_report_row where request_id = any (?::uuid[])
                           and reason = 'RESIDUAL_HAS_DEPENDENTS' group by request_id) k
                   on k.request_id = ids.id
            """;

    private final JdbcTemplate jdbc;

    public PushRequestResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The results and report presence of each request; a request that does not exist counts nothing. */
    public Map<UUID, Counted> of(Collection<UUID> requestIds) {
        Map<UUID, Counted> results = new HashMap<>();
        if (requestIds.isEmpty()) {
            return results;
        }
        var ids = SqlArrays.of(jdbc, "uuid", requestIds);
        jdbc.query(RESULTS, rs -> {
            results.put(rs.getObject("id", UUID.class), new Counted(new PushResults(rs.getInt("pushed"),
                    rs.getInt("skipped"), rs.getInt("failed"), rs.getLong("created"), rs.getLong("updated"),
                    rs.getLong("deleted"), rs.getLong("kept")), rs.getBoolean("has_rows")));
        }, ids, ids, ids);
        return results;
    }

    /** A request's results, and whether its report has a row. */
    public record Counted(PushResults results, boolean hasReportRows) {

        public static final Counted NOTHING = new Counted(PushResults.NONE, false);
    }
}
