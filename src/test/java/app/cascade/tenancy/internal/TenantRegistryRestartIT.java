package app.cascade.tenancy.internal;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.tenancy.DistrictSettings;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0018: a tenant file's {@code batchReporting} is the district's initial value; what a district admin
 * switched in Cascade survives the registry write of every start.
 */
@CascadeIntegrationTest
class TenantRegistryRestartIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    TenantRegistry registry;
    @Autowired
    DistrictSettings settings;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        jdbc.update("delete from cascade.tenant where id = 'gamma'");
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(true);
        TestUsers.signOut();
    }

    private void restart(List<Tenant> tenants) {
        new TenantRegistryWriter(jdbc, TenancyConfiguration.SHARED_SCHEMA).write(tenants);
    }

    @Test
    void a_restart_keeps_the_value_a_district_admin_switched_although_the_file_says_otherwise() {
        assertThat(registry.require("alpha").batchReporting()).as("alpha.yml").isTrue();
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(false);

        restart(List.copyOf(registry.all()));

        assertThat(settings.batchReporting("alpha")).isFalse();
        assertThat(settings.batchReportingState().lastChange().orElseThrow().byName()).isEqualTo("Alpha Admin");
    }

    @Test
    void a_district_registered_for_the_first_time_starts_with_its_files_value() {
        List<Tenant> tenants = new ArrayList<>(registry.all());
        tenants.add(new Tenant("gamma", "Gamma District", "district_gamma", "gamma", ZoneId.of("UTC"), false,
                "noreply@gamma.example", "gamma.yml"));

        restart(tenants);

        assertThat(settings.batchReporting("gamma")).isFalse();
        assertThat(settings.batchReporting("alpha")).isTrue();
    }
}
