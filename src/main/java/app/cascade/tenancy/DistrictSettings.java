package app.cascade.tenancy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Run-time district settings kept in the shared registry table. The Batch Reporting switch starts from the tenant
 * file's value when a district is first registered; after that the value set here wins, also over a restart
 * (decision 0018). Every change is recorded in {@code cascade.batch_reporting_change}: who, when, old → new.
 * The shared schema is on the main server: its transactions here are the main server's ({@link
 * DistrictDatabases#MAIN}), never the current district's, which may be on another server (issue 19).
 */
@Service
public class DistrictSettings {

    /** Published after Batch Reporting was turned on (and committed), so waiting requests can run. */
    public record BatchReportingEnabled(String tenantId) {
    }

    private final JdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final ActingUser actingUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    public DistrictSettings(JdbcTemplate jdbc, CurrentTenant currentTenant, ActingUser actingUser,
                            ApplicationEventPublisher events, DistrictDatabases databases) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.actingUser = actingUser;
        this.events = events;
        DataSourceTransactionManager shared = new DataSourceTransactionManager(
                databases.dataSource(DistrictDatabases.MAIN));
        this.tx = new TransactionTemplate(shared);
        this.readTx = new TransactionTemplate(shared);
        this.readTx.setReadOnly(true);
    }

    /** Every district's Batch Reporting switch, by tenant id, in one query (support's district list). */
    public java.util.Map<String, Boolean> batchReportingByDistrict() {
        java.util.Map<String, Boolean> on = new java.util.HashMap<>();
        jdbc.query("select id, batch_reporting from cascade.tenant", rs -> {
            on.put(rs.getString(1), rs.getBoolean(2));
        });
        return on;
    }

    /** Internal: any code that has a tenant id (jobs, views of that district). Read afresh, so every node agrees. */
    public boolean batchReporting(String tenantId) {
        Boolean on = jdbc.queryForObject("select batch_reporting from cascade.tenant where id = ?", Boolean.class,
                tenantId);
        return Boolean.TRUE.equals(on);
    }

    /** The current district's switch and its last change, for the district's admins. */
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public BatchReportingState batchReportingState() {
        String tenantId = currentTenant.require().id();
        return readTx.execute(s -> {
            Optional<BatchReportingState.Change> last = jdbc.query("""
                    select old_value, new_value, changed_by, changed_by_name, changed_at
                    from cascade.batch_reporting_change where tenant_id = ?
                    order by changed_at desc, id desc limit 1
                    """, (rs, n) -> new BatchReportingState.Change(rs.getBoolean(1), rs.getBoolean(2),
                    rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()), tenantId).stream().findFirst();
            return new BatchReportingState(batchReporting(tenantId), last);
        });
    }

    /**
     * Turns the current district's Batch Reporting on or off and records who did it. Turning it on lets the requests
     * that waited run: {@link BatchReportingEnabled} is published once the change is committed, so the jobs it
     * creates read the new value. Setting the value the switch already has changes and records nothing.
     * Called outside any transaction: the switch commits on its own before waiting requests are started.
     */
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public void setBatchReporting(boolean on) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Batch Reporting is switched outside any transaction: waiting requests"
                    + " start only after the switch is committed");
        }
        String tenantId = currentTenant.require().id();
        ActingUser.Who who = actingUser.current()
                .orElseThrow(() -> new IllegalStateException("Batch Reporting is switched by a signed-in user"));
        Boolean changed = tx.execute(s -> {
            boolean before = Boolean.TRUE.equals(jdbc.queryForObject(
                    "select batch_reporting from cascade.tenant where id = ? for update", Boolean.class, tenantId));
            if (before == on) {
                return false;
            }
            jdbc.update("update cascade.tenant set batch_reporting = ?, updated_at = now() where id = ?", on,
                    tenantId);
            jdbc.update("""
                    insert into cascade.batch_reporting_change (tenant_id, old_value, new_value, changed_by,
                                                                changed_by_name)
                    values (?, ?, ?, ?, ?)
                    """, tenantId, before, on, who.username(), who.displayName());
            return true;
        });
        if (Boolean.TRUE.equals(changed) && on) {
            events.publishEvent(new BatchReportingEnabled(tenantId));
        }
    }
}
