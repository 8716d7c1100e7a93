package app.cascade.tenancy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The districts known to this installation, read from {@code tenants/} at start-up. Immutable. */
public final class TenantRegistry {

    private final Map<String, Tenant> byId = new LinkedHashMap<>();
    private final Map<String, Tenant> byOrganization = new LinkedHashMap<>();

    public TenantRegistry(List<Tenant> tenants) {
        tenants.forEach(t -> {
            byId.put(t.id(), t);
            byOrganization.put(t.organization(), t);
        });
    }

    public Collection<Tenant> all() {
        return byId.values();
    }

    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public Tenant require(String id) {
        return find(id).orElseThrow(() -> new UnknownTenantException(id));
    }

    public Optional<Tenant> byOrganization(String alias) {
        return Optional.ofNullable(alias).map(byOrganization::get);
    }
}
