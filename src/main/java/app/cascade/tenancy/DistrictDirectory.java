package app.cascade.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;

/** The platform's view of all districts, for support staff. */
@Service
public class DistrictDirectory {

    private final TenantRegistry registry;
    private final JdbcTemplate jdbc;
    private final DistrictSettings settings;

    public DistrictDirectory(TenantRegistry registry, JdbcTemplate jdbc, DistrictSettings settings) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public List<DistrictSummary> districts() {
        return registry.all().stream()
                .sorted(Comparator.comparing(Tenant::displayName))
                .map(t -> new DistrictSummary(t.id(), t.displayName(), t.schema(), t.organization(),
                        t.timeZone().getId(), settings.batchReporting(t.id()), schemaVersion(t)))
                .toList();
    }

    /** The schema name is a validated identifier from the registry, never user input. */
    private String schemaVersion(Tenant tenant) {
        List<String> versions = jdbc.queryForList("""
                select version from %s.flyway_schema_history
                where success and version is not null order by installed_rank desc limit 1
                """.formatted(tenant.schema()), String.class);
        return versions.isEmpty() ? "not migrated" : versions.getFirst();
    }
}
