package app.cascade.tenancy;

/**
 * What platform support sees of a district: configuration and schema state, never grading data.
 *
 * @param schemaVersion the district schema's Flyway version, or "not migrated"
 */
public record DistrictSummary(String id, String displayName, String schema, String organization, String timeZone,
                              boolean batchReporting, String schemaVersion) {
}
