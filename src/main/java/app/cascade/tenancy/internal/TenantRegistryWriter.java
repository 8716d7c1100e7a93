package app.cascade.tenancy.internal;

import app.cascade.tenancy.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.List;

/** Mirrors the tenant files into the shared schema, so that SQL and support tooling see the same registry. */
final class TenantRegistryWriter {

    private final JdbcTemplate jdbc;
    private final String sharedSchema;

    TenantRegistryWriter(JdbcTemplate jdbc, String sharedSchema) {
        this.jdbc = jdbc;
        this.sharedSchema = sharedSchema;
    }

    void write(Collection<Tenant> tenants) {
        String table = sharedSchema + ".tenant";
        for (Tenant t : tenants) {
            jdbc.update("""
                    insert into %s (id, display_name, schema_name, organization_alias, time_zone, batch_reporting,
                                    notification_sender, source_file, active)
                    values (?, ?, ?, ?, ?, ?, ?, ?, true)
                    on conflict (id) do update set display_name = excluded.display_name,
                        schema_name = excluded.schema_name, organization_alias = excluded.organization_alias,
                        time_zone = excluded.time_zone,
                        notification_sender = excluded.notification_sender, source_file = excluded.source_file,
                        active = true, updated_at = now()
                    """.formatted(table), t.id(), t.displayName(), t.schema(), t.organization(),
                    t.timeZone().getId(), t.batchReporting(), t.notificationSender(), t.sourceFile());
        }
        List<String> ids = tenants.stream().map(Tenant::id).toList();
        jdbc.update("update " + table + " set active = false, updated_at = now() where not (id = any (?))",
                (Object) ids.toArray(String[]::new));
    }
}
