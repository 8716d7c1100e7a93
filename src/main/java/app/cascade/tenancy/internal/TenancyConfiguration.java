package app.cascade.tenancy.internal;

import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.DistrictDatabases;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.hibernate.cfg.MultiTenancySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.nio.file.Path;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    /** The platform schema: the tenant registry and other cross-district tables. */
    static final String SHARED_SCHEMA = "cascade";

    private static final Logger log = LoggerFactory.getLogger(TenancyConfiguration.class);

    @Bean
    TenantRegistry tenantRegistry(@Value("${cascade.tenants.dir:tenants}") Path directory,
                                  DistrictDatabases databases) {
        TenantRegistry registry = new TenantRegistry(TenantFileLoader.load(directory, databases.names()));
        log.info("Loaded {} district(s) from {}: {}", registry.all().size(), directory.toAbsolutePath(),
                registry.all().stream().map(Tenant::id).toList());
        return registry;
    }

    @Bean
    DistrictMigrations districtMigrations(TenantRegistry registry, ApplicationEventPublisher events,
                                          @Value("${cascade.tenancy.migration-threads:2}") int threads,
                                          @Value("${cascade.tenancy.migration-wait:60s}") Duration wait,
                                          @Value("${cascade.tenancy.migrate-before-serving:false}") boolean before,
                                          DistrictDatabases databases) {
        // a district on the main server migrates with the shared schema's Flyway DataSource, as before issue 19
        return new DistrictMigrations(registry, events, threads, wait, before,
                t -> DistrictDatabases.MAIN.equals(t.database()) ? null : databases.dataSource(t));
    }

    @Bean
    TenantFolderWatcher tenantFolderWatcher(@Value("${cascade.tenants.dir:tenants}") Path directory,
                                            TenantRegistry registry, DistrictMigrations migrations,
                                            DataSource dataSource, ApplicationEventPublisher events,
                                            DistrictDatabases databases) {
        return new TenantFolderWatcher(directory, registry, migrations,
                new TenantRegistryWriter(new JdbcTemplate(dataSource), SHARED_SCHEMA), events, databases.names());
    }

    @Bean
    SchemaPerTenantConnectionProvider schemaPerTenantConnectionProvider(DistrictDatabases databases,
                                                                         TenantRegistry registry,
                                                                         DistrictMigrations migrations) {
        return new SchemaPerTenantConnectionProvider(databases, registry, migrations);
    }

    @Bean
    HibernatePropertiesCustomizer multiTenancyCustomizer(SchemaPerTenantConnectionProvider provider,
                                                         CurrentTenant currentTenant) {
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER, provider);
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
                    new CurrentTenantResolver(currentTenant));
        };
    }

    /**
     * Migrates the shared schema (Boot's Flyway, {@code db/shared}) and writes the registry, before JPA starts. The
     * district schemas ({@code db/district}) migrate in the background once the web server takes requests ({@link
     * DistrictMigrations}, decision 0026): the node does not wait for them, and a call for a district waits for that
     * district only.
     */
    @Bean
    FlywayMigrationStrategy migrateSharedThenDistricts(TenantRegistry registry, DataSource dataSource,
                                                       DistrictMigrations migrations) {
        return flyway -> {
            flyway.migrate();
            new TenantRegistryWriter(new JdbcTemplate(dataSource), SHARED_SCHEMA).write(registry.all());
            migrations.configure(flyway.getConfiguration());
        };
    }
}
