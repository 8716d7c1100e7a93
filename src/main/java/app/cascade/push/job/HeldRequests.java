package app.cascade.push.job;

import app.cascade.push.internal.PushSlots;
import app.cascade.tenancy.DistrictSettings;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one rule that starts held push requests again (decision 0025): a request is held when its job found its
 * district switched off, its Batch Reporting off, or every running slot of the district taken. Whenever that may have
 * changed — a push of the district ended, the district was switched on ({@code DistrictEnabled}), Batch Reporting was
 * turned on, or the reconciler found held requests — the district's oldest held requests get jobs, as many as it has
 * free slots, while it is switched on and Batch Reporting is on; the others stay held, noted as waiting for a slot.
 * Called outside any transaction: the requests are taken in one short transaction, their jobs created after it.
 */
@Component
public class HeldRequests {

    private static final Logger log = LoggerFactory.getLogger(HeldRequests.class);

    private final PushSlots slots;
    private final PushJobScheduler jobs;
    private final TenantRegistry registry;
    private final DistrictSettings settings;
    private final TransactionTemplate tx;

    HeldRequests(PushSlots slots, PushJobScheduler jobs, TenantRegistry registry, DistrictSettings settings,
                 PlatformTransactionManager transactions) {
        this.slots = slots;
        this.jobs = jobs;
        this.registry = registry;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Gives the district's oldest held requests jobs, as far as its free slots go; returns them. */
    public List<UUID> release(String tenantId) {
        Tenant tenant = registry.find(tenantId).orElse(null);
        if (tenant == null || !tenant.enabled() || !settings.batchReporting(tenantId)) {
            return List.of();
        }
        List<UUID> taken = TenantContext.call(tenantId, () -> tx.execute(s -> slots.takeHeld(
                tenant.maxRunningPushes())));
        if (!taken.isEmpty()) {
            log.info("{} held push request(s) of {} get a job: {}", taken.size(), tenantId, taken);
        }
        taken.forEach(id -> jobs.enqueueOrLeaveToReconciler(tenant, id, Instant.now()));
        return taken;
    }

    /** {@link #release} after a push of the district ended; a failure is logged, and the reconciler heals it. */
    void afterEnd(String tenantId) {
        try {
            release(tenantId);
        } catch (RuntimeException e) {
            log.warn("Could not start the held push requests of {} after a push ended; the reconciler will", tenantId,
                    e);
        }
    }
}
