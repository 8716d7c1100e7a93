package app.cascade.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's view of all districts, for support staff. Its cost does not grow in queries with the district count
 * (issue 19): the switches come from one query of the registry table and the schema versions from one query over
 * every migrated schema's Flyway history.
 */
@Service
public class DistrictDirectory {

    private final TenantRegistry registry;
    private final DistrictSchemas schemas;
    private final JdbcTemplate jdbc;
    private final DistrictSettings settings;
    private final DistrictReadiness readiness;
    private final TenantFolder folder;

    public DistrictDirectory(TenantRegistry registry, DistrictSchemas schemas, JdbcTemplate jdbc,
                             DistrictSettings settings, DistrictReadiness readiness, TenantFolder folder) {
        this.readiness = readiness;
        this.folder = folder;
        this.registry = registry;
        this.schemas = schemas;
        this.jdbc = jdbc;
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

    /** The Flyway version of every migrated district schema, by schema: two queries whatever the count. */
    private Map<String, String> schemaVersions() {
        List<String> branches = new ArrayList<>();
        for (Tenant tenant : schemas.having("flyway_schema_history")) {
            branches.add("""
                    select '%1$s' as schema, (select version from %1$s.flyway_schema_history
                        where success and version is not null order by installed_rank desc limit 1) as version"""
                    .formatted(tenant.schema()));
        }
        Map<String, String> versions = new HashMap<>();
        if (!branches.isEmpty()) {
            jdbc.query(String.join("\nunion all\n", branches), rs -> {
                if (rs.getString("version") != null) {
                    versions.put(rs.getString("schema"), rs.getString("version"));
                }
            });
        }
        return versions;
    }
}
