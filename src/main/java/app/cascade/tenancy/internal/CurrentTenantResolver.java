package app.cascade.tenancy.internal;

import app.cascade.tenancy.CurrentTenant;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** Hibernate asks this when it opens a session, i.e. when a transaction starts. */
class CurrentTenantResolver implements CurrentTenantIdentifierResolver<String> {

    private final CurrentTenant currentTenant;

    CurrentTenantResolver(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @Override
    public String resolveCurrentTenantIdentifier() {
        return currentTenant.id().orElse(SchemaPerTenantConnectionProvider.NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
