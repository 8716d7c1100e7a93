package app.cascade.tenancy;

/**
 * Published when a district becomes usable on this node without a restart: a new tenant file whose schema is now
 * migrated, or a file switched back to {@code enabled: true}. Features that hold work while a district is off (queued
 * pushes) start it again.
 */
public record DistrictEnabled(String tenantId) {
}
