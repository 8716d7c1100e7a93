package app.cascade.tenancy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The districts known to this node, read from {@code tenants/}: at start-up, and again whenever the folder changes
 * (issue 19: districts come and go without a restart). Readers always see one whole, consistent set: an update swaps
 * it at once.
 */
public final class TenantRegistry {

    private record Snapshot(Map<String, Tenant> byId, Map<String, Tenant> byOrganization) {
        static Snapshot of(List<Tenant> tenants) {
            Map<String, Tenant> byId = new LinkedHashMap<>();
            Map<String, Tenant> byOrganization = new LinkedHashMap<>();
            tenants.forEach(t -> {
                byId.put(t.id(), t);
                byOrganization.put(t.organization(), t);
            });
            return new Snapshot(java.util.Collections.unmodifiableMap(byId),
                    java.util.Collections.unmodifiableMap(byOrganization));
        }
    }

    private volatile Snapshot snapshot;

    public TenantRegistry(List<Tenant> tenants) {
        this.snapshot = Snapshot.of(tenants);
    }

    /** Every registered district, enabled or not, in file order. */
    public Collection<Tenant> all() {
        return snapshot.byId().values();
    }

    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(id).map(snapshot.byId()::get);
    }

    public Tenant require(String id) {
        return find(id).orElseThrow(() -> new UnknownTenantException(id));
    }

    public Optional<Tenant> byOrganization(String alias) {
        return Optional.ofNullable(alias).map(snapshot.byOrganization()::get);
    }

    /**
     * Replaces the whole set, for the tenant folder's watcher (and tests). The caller has validated it as a whole
     * (unique ids, schemas and organizations).
     */
    public void update(List<Tenant> tenants) {
        this.snapshot = Snapshot.of(tenants);
    }
}
