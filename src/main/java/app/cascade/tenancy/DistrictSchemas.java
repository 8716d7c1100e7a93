package app.cascade.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads across every district schema at once (issue 19): which schemas hold a table (one catalog query), so that a
 * {@code union all} with one branch per district names only tables that exist, whatever the number of districts.
 * Schema names come from the validated tenant registry, never from user input.
 */
@Component
public class DistrictSchemas {

    private final TenantRegistry registry;
    private final JdbcTemplate jdbc;

    public DistrictSchemas(TenantRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** The districts whose schema has {@code table}, in the registry's order. */
    public List<Tenant> having(String table) {
        if (registry.all().isEmpty()) {
            return List.of();
        }
        Set<String> schemas = new HashSet<>(jdbc.queryForList("""
                select table_schema from information_schema.tables
                where table_name = ? and table_schema = any (?::text[])
                """, String.class, table, registry.all().stream().map(Tenant::schema).toArray(String[]::new)));
        return registry.all().stream().filter(t -> schemas.contains(t.schema())).toList();
    }
}
