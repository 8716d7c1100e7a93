package app.cascade.tenancy.internal;

import app.cascade.tenancy.DistrictAvailability;
import app.cascade.tenancy.DistrictReadiness;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * The districts' schemas on this node, in readiness (contributor {@code districts}): how many are ready, how many still
 * migrate, and each unavailable one with its reason. Always UP: the node serves the districts it can, and a call for
 * one still migrating waits for it (decision 0026). In memory, no query, whatever the number of districts.
 */
@Component("districtsHealthIndicator")
class DistrictsHealth implements HealthIndicator {

    private final DistrictReadiness readiness;

    DistrictsHealth(DistrictReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Health health() {
        int ready = 0;
        int migrating = 0;
        Map<String, String> unavailable = new TreeMap<>();
        for (DistrictAvailability a : readiness.availability().values()) {
            switch (a.state()) {
                case READY -> ready++;
                case MIGRATING -> migrating++;
                case UNAVAILABLE -> unavailable.put(a.tenantId(), a.reason());
            }
        }
        Health.Builder health = Health.up().withDetail("ready", ready).withDetail("migrating", migrating);
        return (unavailable.isEmpty() ? health : health.withDetail("unavailable", unavailable)).build();
    }
}
