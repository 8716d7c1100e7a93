package app.cascade.push.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Removes the changes of the requests that finished before a given time, in the current district (decision 0023,
 * "Retention"): request by request, at most {@code batch} courses (their push_change and push_item_change rows)
 * per transaction, so a large push never makes one long transaction; when a request has no
 * change left it gets {@code push_request.changes_purged_at}, which says from then on that its changes are gone.
 * Owns its transactions; call it with the district bound ({@code TenantContext}), outside a transaction.
 */
@Component
public class PushChangePurge {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public PushChangePurge(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What one purge of a district removed. */
    public record Purged(int requests, long courses) {
    }

    /** Purges every request of the district that finished before {@code finishedBefore}. */
    public Purged purge(Instant finishedBefore, int batch) {
        List<UUID> expired = tx.execute(s -> jdbc.queryForList("""
                select id from push_request
                where finished_at < ? and changes_purged_at is null
                order by finished_at
                """, UUID.class, Timestamp.from(finishedBefore)));
        long courses = 0;
        for (UUID request : expired) {
            courses += purge(request, batch);
        }
        return new Purged(expired.size(), courses);
    }

    /** One request, batch by batch; the courses whose changes it removed. */
    private long purge(UUID request, int batch) {
        long total = 0;
        while (true) {
            Integer deleted = tx.execute(s -> {
                Integer n = jdbc.queryForObject("""
                        with c as (
                            delete from push_change where request_id = ? and course_id in (
                                select course_id from push_change where request_id = ? order by course_id limit ?)
                            returning course_id),
                        i as (
                            delete from push_item_change where request_id = ? and course_id in (select course_id from c))
                        select count(*) from c
                        """, Integer.class, request, request, batch, request);
                if (n == null || n == 0) {
                    // with no push_change row left: the items of a course deleted since (V18: no cascade)
                    jdbc.update("delete from push_item_change where request_id = ?", request);
                    jdbc.update("update push_request set changes_purged_at = now() where id = ?", request);
                }
                return n;
            });
            if (deleted == null || deleted == 0) {
                return total;
            }
            total += deleted;
        }
    }
}
