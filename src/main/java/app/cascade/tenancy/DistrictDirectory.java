package app.cascade.tenancy;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The platform's view of all districts, for support staff. Its cost does not grow in queries with the district count
 * (issue 19): the switches come from one query of the registry table and the schema versions from one query over
 * every migrated schema's Flyway history per database server.
 */
@Service
public class DistrictDirectory {

    private final TenantRegistry registry;
    private final DistrictSchemas schemas;
    private final DistrictDatabases databases;
    private final DistrictSettings settings;
    private final DistrictReadiness readiness;
    private final TenantFolder folder;

    public DistrictDirectory(TenantRegistry registry, DistrictSchemas schemas, DistrictDatabases databases,
                             DistrictSettings settings, DistrictReadiness readiness, TenantFolder folder) {
        this.readiness = readiness;
        this.folder = folder;
        this.registry = registry;
        this.schemas = schemas;
        this.databases = databases;
        this.settings = settings;
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public List<DistrictSummary> districts() {
        Map<String, Boolean> batchReporting = settings.batchReportingByDistrict();
        Map<String, String> versions = schemaVersions();
        Map<String, DistrictAvailability> availability = readiness.availability();
        return registry.all().stream()
                .sorted(Comparator.comparing(Tenant::displayName))
                .map(t -> new DistrictSummary(t.id(), t.displayName(), t.schema(), t.organization(),
                        t.timeZone().getId(), Boolean.TRUE.equals(batchReporting.get(t.id())),
                        versions.getOrDefault(t.schema(), "not migrated"), t.enabled(),
                        availability.getOrDefault(t.id(), new DistrictAvailability(t.id(), DistrictState.MIGRATING,
                                null))))
                .toList();
    }

    /** The tenant files this node left out, and why (issue 19). */
    @PreAuthorize("hasRole('SUPPORT')")
    public List<TenantFileProblem> tenantFileProblems() {
        return folder.problems();
    }

    /** The Flyway version of every migrated district schema, by schema: two queries per database server. */
    private Map<String, String> schemaVersions() {
        Map<String, String> versions = new HashMap<>();
        databases.query(schemas.having("flyway_schema_history"), (jdbc, districts) -> jdbc.query(
                districts.stream().map(tenant -> """
                        select '%1$s' as schema, (select version from %1$s.flyway_schema_history
                            where success and version is not null order by installed_rank desc limit 1) as version"""
                        .formatted(tenant.schema())).collect(Collectors.joining("\nunion all\n")),
                (rs, n) -> Map.entry(rs.getString("schema"), Optional.ofNullable(rs.getString("version")))))
                .forEach(e -> e.getValue().ifPresent(version -> versions.put(e.getKey(), version)));
        return versions;
    }
}
