package app.cascade.push.internal;

import app.cascade.push.PushStatus;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The push requests of every district that have not ended (scheduled, queued or running), read in one query over
 * all district schemas, for the job reconciler. Callers own the transaction; no district is bound.
 */
@Component
public class UnfinishedRequests {

    /**
     * A request that has not ended, with the job it last got ({@code jobId} null: none yet); {@code held}: its job
     * ended leaving it QUEUED with a {@link PushRequestStore#WAITING} note (it waits for a slot, its district's Batch
     * Reporting, or its district to be switched on).
     */
    public record Unfinished(String tenantId, UUID id, PushStatus status, UUID jobId, Instant scheduledAt,
                             int attempts, boolean batchReporting, boolean held) {
    }

    private final JdbcTemplate jdbc;
    private final TenantRegistry registry;

    public UnfinishedRequests(JdbcTemplate jdbc, TenantRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** Those submitted before {@code before} (younger ones may be getting their job right now). */
    public List<Unfinished> submittedBefore(Instant before) {
        List<Tenant> tenants = new ArrayList<>(registry.all());
        if (tenants.isEmpty()) {
            return List.of();
        }
        // schema names are validated SQL identifiers (Tenant), safe to splice; every value is a parameter
        String union = tenants.stream().map(t -> """
                select ?::text as tenant_id, id, status, job_id, scheduled_at, attempts,
                    status = 'QUEUED' and coalesce(message like ?, false) as held from %s.push_request
                where status in ('SCHEDULED', 'QUEUED', 'RUNNING') and submitted_at < ?
                """.formatted(t.schema())).collect(Collectors.joining(" union all "));
        Object[] args = tenants.stream().flatMap(t -> Stream.of(t.id(), PushRequestStore.WAITING + "%",
                Timestamp.from(before))).toArray();
        return jdbc.query("""
                select r.*, coalesce(t.batch_reporting, false) as batch_reporting
                from (%s) r left join cascade.tenant t on t.id = r.tenant_id
                """.formatted(union), (rs, n) -> new Unfinished(rs.getString("tenant_id"),
                rs.getObject("id", UUID.class), PushStatus.valueOf(rs.getString("status")),
                rs.getObject("job_id", UUID.class), rs.getTimestamp("scheduled_at").toInstant(),
                rs.getInt("attempts"), rs.getBoolean("batch_reporting"), rs.getBoolean("held")), args);
    }
}
