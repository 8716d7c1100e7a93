package app.cascade.tenancy.internal;

import app.cascade.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Mirrors the tenant files into the shared schema, so that SQL and support tooling see the same registry. A file's
 * {@code batchReporting} is the district's initial value only: once registered, the switch is changed by district
 * admins in Cascade (DistrictSettings) and a restart keeps their value (decision 0018).
 */
final class TenantRegistryWriter {

    private static final Logger log = LoggerFactory.getLogger(TenantRegistryWriter.class);

    private final JdbcTemplate jdbc;
    private final String sharedSchema;

    TenantRegistryWriter(JdbcTemplate jdbc, String sharedSchema) {
        this.jdbc = jdbc;
        this.sharedSchema = sharedSchema;
    }

    /** Two statements and one batch whatever the number of districts (issue 19: start-up stays flat). */
    void write(Collection<Tenant> tenants) {
        String table = sharedSchema + ".tenant";
        Map<String, Boolean> switched = new HashMap<>();
        jdbc.query("select id, batch_reporting from " + table,
                rs -> { switched.put(rs.getString("id"), rs.getBoolean("batch_reporting")); });
        for (Tenant t : tenants) {
            Boolean now = switched.get(t.id());
            if (now != null && now != t.batchReporting()) {
                log.info("District {}: batchReporting is {} in {}, but its district admins switched it {} in Cascade;"
                        + " the file gives the initial value only, so it stays {}", t.id(), t.batchReporting(),
                        t.sourceFile(), now ? "on" : "off", now ? "on" : "off");
            }
        }
        jdbc.batchUpdate("""
                insert into %s (id, display_name, schema_name, organization_alias, time_zone, batch_reporting,
                                notification_sender, source_file, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, true)
                on conflict (id) do update set display_name = excluded.display_name,
                    schema_name = excluded.schema_name, organization_alias = excluded.organization_alias,
                    time_zone = excluded.time_zone,
                    notification_sender = excluded.notification_sender, source_file = excluded.source_file,
                    active = true, updated_at = now()
                """.formatted(table), tenants.stream().map(t -> new Object[]{t.id(), t.displayName(), t.schema(),
                t.organization(), t.timeZone().getId(), t.batchReporting(), t.notificationSender(), t.sourceFile()})
                .toList());
        List<String> ids = tenants.stream().map(Tenant::id).toList();
        jdbc.update("update " + table + " set active = false, updated_at = now() where active and not (id = any (?))",
                (Object) ids.toArray(String[]::new));
    }
}
