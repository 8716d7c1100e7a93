package app.cascade.tenancy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Run-time district settings kept in the shared registry table. The Batch Reporting switch starts from the tenant
 * file's value when a district is first registered; after that the value set here wins.
 */
@Service
public class DistrictSettings {

    /** Published after Batch Reporting was turned on, so waiting requests can run. */
    public record BatchReportingEnabled(String tenantId) {
    }

    private final JdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final ApplicationEventPublisher events;

    public DistrictSettings(JdbcTemplate jdbc, CurrentTenant currentTenant, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.events = events;
    }

    /** Internal: any code that has a tenant id (jobs, views of that district). */
    public boolean batchReporting(String tenantId) {
        Boolean on = jdbc.queryForObject("select batch_reporting from cascade.tenant where id = ?", Boolean.class,
                tenantId);
        return Boolean.TRUE.equals(on);
    }

    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public void setBatchReporting(boolean on) {
        String tenantId = currentTenant.require().id();
        jdbc.update("update cascade.tenant set batch_reporting = ?, updated_at = now() where id = ?", on, tenantId);
        if (on) {
            events.publishEvent(new BatchReportingEnabled(tenantId));
        }
    }
}
