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

    public DistrictDirectory(TenantRegistry registry, DistrictSchemas schemas, JdbcTemplate jdbc,
                             DistrictSettings settings) {
        this.registry = registry;
        this.schemas = schemas;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public List<DistrictSummary> districts() {
        Map<String, Boolean> batchReporting = settings.batchReportingByDistrict();
        Map<String, String> versions = schemaVersions();
        return registry.all().stream()
                .sorted(Comparator.comparing(Tenant::displayName))
                .map(t -> new DistrictSummary(t.id(), t.displayName(), t.schema(), t.organization(),
                        t.timeZone().getId(), Boolean.TRUE.equals(batchReporting.get(t.id())),
                        versions.getOrDefault(t.schema(), "not migrated")))
                .toList();
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
