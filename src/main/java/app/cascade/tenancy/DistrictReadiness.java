package app.cascade.tenancy;

import java.util.List;
import java.util.Map;

/**
 * Which districts' schemas can be used on this node (issue 19). District schemas migrate in the background after the
 * node starts, a few at a time, so start-up does not grow with the number of districts; a call for a district whose
 * migration has not run yet runs it at once and waits for it (docs/decisions/0026-district-migrations-in-the-background.md).
 */
public interface DistrictReadiness {

    /** The registered districts whose schema is migrated on this node, in registry order: what cross-district reads may name. */
    List<Tenant> ready();

    /** Every registered district's state, by id. */
    Map<String, DistrictAvailability> availability();

    /**
     * Returns once {@code tenantId}'s schema is migrated, migrating it now if no thread has started it yet.
     *
     * @throws DistrictUnavailableException its migration failed or did not end in time
     * @throws UnknownTenantException       no such district is registered
     */
    void awaitReady(String tenantId);
}
