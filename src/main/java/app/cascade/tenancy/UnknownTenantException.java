package app.cascade.tenancy;

/** A tenant id that is not (or no longer) registered. Surfaces as "not found", never as another district. */
public class UnknownTenantException extends RuntimeException {

    public UnknownTenantException(String tenantId) {
        super("Unknown district: " + tenantId);
    }
}
