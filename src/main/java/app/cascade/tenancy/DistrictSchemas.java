package app.cascade.tenancy;

import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads across every district schema at once (issue 19): which schemas hold a table (one catalog query per database
 * server, {@link DistrictDatabases#query}), so that a {@code union all} with one branch per district names only tables
 * that exist, whatever the number of districts. Schema names come from the validated tenant registry, never from user
 * input.
 */
@Component
public class DistrictSchemas {

    private final TenantRegistry registry;
    private final DistrictDatabases databases;

    public DistrictSchemas(TenantRegistry registry, DistrictDatabases databases) {
        this.registry = registry;
        this.databases = databases;
    }

    /** The districts whose schema has {@code table} on their own server, in the registry's order. */
    public List<Tenant> having(String table) {
        List<Tenant> all = List.copyOf(registry.all());
        Set<String> schemas = new HashSet<>(databases.query(all, (jdbc, districts) -> jdbc.queryForList("""
                select table_schema from information_schema.tables
                where table_name = ? and table_schema = any (?::text[])
                """, String.class, table, districts.stream().map(Tenant::schema).toArray(String[]::new))));
        return all.stream().filter(t -> schemas.contains(t.schema())).toList();
    }
}
