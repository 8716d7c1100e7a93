package app.cascade.push.internal;

import app.cascade.push.PushStatus;
import app.cascade.tenancy.DistrictDatabases;
import app.cascade.tenancy.DistrictReadiness;
import app.cascade.tenancy.DistrictSettings;
import app.cascade.tenancy.Tenant;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The push requests of every district that have not ended (scheduled, queued or running), read in one query per
 * PostgreSQL server over its migrated district schemas, for the job reconciler. No district is bound.
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

    private final DistrictDatabases databases;
    private final DistrictReadiness readiness;
    private final DistrictSettings settings;

    public UnfinishedRequests(DistrictDatabases databases, DistrictReadiness readiness, DistrictSettings settings) {
        this.databases = databases;
        this.readiness = readiness;
        this.settings = settings;
    }

    /**
     * Those submitted before {@code before} (younger ones may be getting their job right now), in every district whose
     * schema is migrated on this node: one query per PostgreSQL server. Outside any district's transaction.
     */
    public List<Unfinished> submittedBefore(Instant before) {
        List<Tenant> tenants = readiness.ready();
        if (tenants.isEmpty()) {
            return List.of();
        }
        Map<String, Boolean> batchReporting = settings.batchReportingByDistrict();
        // schema names are validated SQL identifiers (Tenant), safe to splice; every value is a parameter
        return databases.query(tenants, (jdbc, onServer) -> jdbc.query(onServer.stream().map(t -> """
                        select ?::text as tenant_id, id, status, job_id, scheduled_at, attempts,
                            status = 'QUEUED' and coalesce(message like ?, false) as held from %s.push_request
                        where status in ('SCHEDULED', 'QUEUED', 'RUNNING') and submitted_at < ?
                        """.formatted(t.schema())).collect(Collectors.joining(" union all ")),
                (rs, n) -> new Unfinished(rs.getString("tenant_id"), rs.getObject("id", UUID.class),
                        PushStatus.valueOf(rs.getString("status")), rs.getObject("job_id", UUID.class),
                        rs.getTimestamp("scheduled_at").toInstant(), rs.getInt("attempts"),
                        Boolean.TRUE.equals(batchReporting.get(rs.getString("tenant_id"))), rs.getBoolean("held")),
                onServer.stream().flatMap(t -> Stream.of(t.id(), PushRequestStore.WAITING + "%",
                        Timestamp.from(before))).toArray()));
    }
}
