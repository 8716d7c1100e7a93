package app.cascade.tenancy.internal;

import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.MultiTenancySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    /** The platform schema: the tenant registry and other cross-district tables. */
    static final String SHARED_SCHEMA = "cascade";

    private static final Logger log = LoggerFactory.getLogger(TenancyConfiguration.class);

    @Bean
    TenantRegistry tenantRegistry(@Value("${cascade.tenants.dir:tenants}") Path directory) {
        TenantRegistry registry = new TenantRegistry(TenantFileLoader.load(directory));
        log.info("Loaded {} district(s) from {}: {}", registry.all().size(), directory.toAbsolutePath(),
                registry.all().stream().map(Tenant::id).toList());
        return registry;
    }

    @Bean
    SchemaPerTenantConnectionProvider schemaPerTenantConnectionProvider(DataSource dataSource,
                                                                         TenantRegistry registry) {
        return new SchemaPerTenantConnectionProvider(dataSource, registry);
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
     * Migrates the shared schema (Boot's Flyway, {@code db/shared}), then every district schema from
     * {@code db/district}, then writes the registry. Runs before JPA starts, so nothing sees a half-migrated district.
     */
    @Bean
    FlywayMigrationStrategy migrateSharedThenDistricts(TenantRegistry registry, DataSource dataSource) {
        return flyway -> {
            flyway.migrate();
            for (Tenant tenant : registry.all()) {
                migrateDistrict(flyway, tenant.schema());
            }
            new TenantRegistryWriter(new JdbcTemplate(dataSource), SHARED_SCHEMA).write(registry.all());
        };
    }

    static void migrateDistrict(Flyway shared, String schema) {
        var result = Flyway.configure()
                .configuration(shared.getConfiguration())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/district")
                .load()
                .migrate();
        log.info("District schema {} at version {} ({} migration(s) applied)", schema, result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
