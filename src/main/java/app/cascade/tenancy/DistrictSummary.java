package app.cascade.tenancy;

/**
 * What platform support sees of a district: configuration and schema state, never grading data.
 *
 * @param schemaVersion the district schema's Flyway version, or "not migrated"
 * @param enabled       false: switched off in its tenant file
 * @param availability  whether its schema can be used on this node, and if not why
 */
public record DistrictSummary(String id, String displayName, String schema, String organization, String timeZone,
                              boolean batchReporting, String schemaVersion, boolean enabled,
                              DistrictAvailability availability) {

    /** What support reads in the district's status column. */
    public String statusText() {
        if (availability.state() == DistrictState.UNAVAILABLE) {
            return "Unavailable: " + availability.reason();
        }
        if (!enabled) {
            return "Switched off";
        }
        return availability.state() == DistrictState.MIGRATING ? "Migrating" : "Ready";
    }
}
