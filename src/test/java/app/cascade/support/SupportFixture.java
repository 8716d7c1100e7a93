package app.cascade.support;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.LakesideHighFixture;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lakeside High in one test district, and push requests written as a district would have left them: failed after its
 * retries, or stuck with no job. Only push bookkeeping is written directly; pushes themselves run for real.
 */
final class SupportFixture extends LakesideHighFixture {

    SupportFixture(ApplicationContext context, String district) {
        super(DistrictFixture.in(district, context).wipe());
        buildLakesideHigh(CatalogLock.values());
    }

    /** A Push All Course Masters request of the current year that failed an hour ago after its four attempts. */
    UUID failed(String message) {
        UUID id = UUID.randomUUID();
        d.update("""
                insert into push_request (id, kind, catalog_id, school_year_id, mode, to_sections, data_types, status,
                    submitted_by, submitter_email, submitted_at, scheduled_at, started_at, finished_at, attempts,
                    message, job_id)
                values (?, 'CATALOG', ?, ?, 'PUSH_LOCKED', true, '{CATEGORIES,TASKS_STANDARDS}', 'FAILED', 'alpha.push',
                        'alpha.push@alpha.example', now() - interval '2 hours', now() - interval '2 hours',
                        now() - interval '2 hours', now() - interval '1 hour', 4, ?, gen_random_uuid())
                """, id, catalog, current, message);
        return id;
    }

    /**
     * A request in {@code status}, submitted ten minutes ago, whose job is {@code jobId} (null: it never got one),
     * as the burst of issue 14 left some.
     */
    UUID stuck(String status, UUID jobId) {
        UUID id = UUID.randomUUID();
        d.update("""
                insert into push_request (id, kind, catalog_id, school_year_id, mode, to_sections, data_types, status,
                    submitted_by, submitted_at, scheduled_at, job_id)
                values (?, 'CATALOG', ?, ?, 'OVERWRITE', false, '{CATEGORIES}', ?, 'alpha.push',
                        now() - interval '10 minutes', now() - interval '10 minutes', ?)
                """, id, catalog, current, status, jobId);
        return id;
    }

    /** Makes a request look submitted ten minutes ago (a request just stored is not yet "stuck"). */
    void submittedTenMinutesAgo(UUID id) {
        d.update("update push_request set submitted_at = now() - interval '10 minutes' where id = ?", id);
    }

    String status(UUID id) {
        return d.query("select status from push_request where id = ?", String.class, id);
    }

    /** The request's bookkeeping columns, as text, to compare before and after. */
    String row(UUID id) {
        return d.query("select r::text from push_request r where id = ?", String.class, id);
    }

    long requests() {
        return d.query("select count(*) from push_request", Long.class);
    }

    /** Every support action on the request, oldest first: action, actor, actor name, reason, related request if any. */
    List<Map<String, Object>> actions(UUID id) {
        return d.query("""
                select coalesce(json_agg(json_strip_nulls(json_build_object('action', action, 'actor', actor,
                    'actorName', actor_name, 'reason', reason, 'related', related_request_id)) order by id)::text, '[]')
                from push_request_action where request_id = ?
                """, String.class, id).transform(SupportFixture::parse);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, List.class);
    }
}
