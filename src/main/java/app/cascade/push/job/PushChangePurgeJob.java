package app.cascade.push.job;

import app.cascade.push.internal.PushChangePurge;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.DistrictReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Purges the changes pushes keep (decision 0023): once the retention ({@code cascade.push.changes.retention}, 30 days by
 * default) has passed since a request finished, its changes are removed, district by district, in bounded batches
 * ({@link PushChangePurge}). Runs a minute after start, then every {@code cascade.push.changes.purge.every} (an hour),
 * on one node at a time (the lease {@code push-change-purge}, as the job reconciler's), unless
 * {@code cascade.push.changes.purge.enabled} is false (the integration tests call {@link #purgeAll} themselves).
 */
@Component
public class PushChangePurgeJob {

    private static final String LEASE = "push-change-purge";
    private static final Logger log = LoggerFactory.getLogger(PushChangePurgeJob.class);

    private final PushChangePurge purge;
    private final DistrictReadiness readiness;
    private final MaintenanceLease lease;
    private final Duration retention;
    private final Duration every;
    private final int batch;
    private final boolean scheduled;

    PushChangePurgeJob(PushChangePurge purge, DistrictReadiness readiness, MaintenanceLease lease,
                       @Value("${cascade.push.changes.retention:30d}") Duration retention,
                       @Value("${cascade.push.changes.purge.every:1h}") Duration every,
                       @Value("${cascade.push.changes.purge.batch:500}") int batch,
                       @Value("${cascade.push.changes.purge.enabled:true}") boolean scheduled) {
        this.purge = purge;
        this.readiness = readiness;
        this.lease = lease;
        this.retention = retention;
        this.every = every;
        this.batch = batch;
        this.scheduled = scheduled;
    }

    @Scheduled(initialDelayString = "${cascade.push.changes.purge.initial-delay:60s}",
            fixedDelayString = "${cascade.push.changes.purge.every:1h}")
    public void onSchedule() {
        if (!scheduled) {
            return;
        }
        try {
            if (lease.take(LEASE, every)) {
                purgeAll(Instant.now());
            }
        } catch (RuntimeException e) {
            log.error("The purge of push changes failed; it tries again in {}", every, e);
        }
    }

    /** One pass over every district at {@code now}: the requests purged per district (those with any). */
    public Map<String, PushChangePurge.Purged> purgeAll(Instant now) {
        Map<String, PushChangePurge.Purged> done = new LinkedHashMap<>();
        for (Tenant tenant : readiness.ready()) {
            PushChangePurge.Purged purged = TenantContext.call(tenant.id(),
                    () -> purge.purge(now.minus(retention), batch));
            if (purged.requests() > 0) {
                log.info("Purged the changes of {} push request(s) in {} ({} course(s)), finished more than {} ago",
                        purged.requests(), tenant.id(), purged.courses(), retention);
                done.put(tenant.id(), purged);
            }
        }
        return done;
    }
}
