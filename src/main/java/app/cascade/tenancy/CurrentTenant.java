package app.cascade.tenancy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The tenant of the current call. An explicit binding ({@link TenantContext}, used by jobs) wins; otherwise the
 * authenticated user's district. Nothing else: there is no default district.
 */
@Component
public class CurrentTenant {

    private final ObjectProvider<UserTenantSource> userSource;
    private final TenantRegistry registry;

    public CurrentTenant(ObjectProvider<UserTenantSource> userSource, TenantRegistry registry) {
        this.userSource = userSource;
        this.registry = registry;
    }

    public Optional<String> id() {
        Optional<String> explicit = TenantContext.explicitTenant();
        if (explicit.isPresent()) {
            return explicit;
        }
        UserTenantSource source = userSource.getIfAvailable();
        return source == null ? Optional.empty() : source.currentTenantId();
    }

    public Optional<Tenant> tenant() {
        return id().flatMap(registry::find);
    }

    /** The current tenant, or {@link UnknownTenantException} when none is bound. */
    public Tenant require() {
        return tenant().orElseThrow(() -> new UnknownTenantException(id().orElse("(none)")));
    }
}
