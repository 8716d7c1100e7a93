package app.cascade.exchange.internal;

import app.cascade.exchange.ExchangeValidationException;
import app.cascade.exchange.ImportSummary;
import app.cascade.tenancy.DistrictReady;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Demo data: once a district's schema is migrated on this node (at start-up, or when its tenant file is added while
 * the node runs), imports {@code <cascade.tenants.dir>/<id>.json} (exchange format) if the district has no school
 * year yet. Idempotent, on several nodes too: the check and the import are one transaction under a lock of the
 * district's demo data, so a second node finds the data and leaves it alone. A demo file that does not import is
 * logged with the file name and the JSON path and leaves the district empty; a district without a file is only logged.
 */
@Component
@ConditionalOnProperty(name = "cascade.demo-data.enabled", havingValue = "true")
class DemoDistrictLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDistrictLoader.class);

    private final TenantRegistry registry;
    private final DistrictImporter importer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Path directory;

    DemoDistrictLoader(TenantRegistry registry, DistrictImporter importer, JdbcTemplate jdbc,
                       TransactionTemplate transactions, @Value("${cascade.tenants.dir:tenants}") Path directory) {
        this.registry = registry;
        this.importer = importer;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.directory = directory;
    }

    @EventListener
    void onDistrictReady(DistrictReady event) {
        registry.find(event.tenantId()).ifPresent(tenant -> {
            try {
                loadIfEmpty(tenant);
            } catch (RuntimeException e) {
                log.error("The demo data of district {} was not loaded", tenant.id(), e);
            }
        });
    }

    void loadIfEmpty(Tenant tenant) {
        Path file = directory.resolve(tenant.id() + ".json");
        TenantContext.run(tenant.id(), () -> transactions.executeWithoutResult(s -> {
            // one node at a time per district, until the import commits: a second node then sees the data
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class,
                    "cascade-demo-data:" + tenant.schema());
            Integer years = jdbc.queryForObject("select count(*) from school_year", Integer.class);
            if (years != null && years > 0) {
                log.info("District {} already has data; demo file {} not loaded", tenant.id(), file);
                return;
            }
            if (!Files.isRegularFile(file)) {
                log.info("District {} is empty and has no demo file {}", tenant.id(), file.toAbsolutePath());
                return;
            }
            load(tenant.id(), file);
        }));
    }

    /** Imports {@code file} into {@code district}; a bad file fails with the file name and the JSON path. */
    ImportSummary load(String district, Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo file " + file.toAbsolutePath(), e);
        }
        try {
            ImportSummary summary = TenantContext.call(district, () -> importer.importDistrict(json));
            log.info("Loaded demo data {} into district {}: {}", file, district, summary);
            return summary;
        } catch (ExchangeValidationException e) {
            throw new IllegalStateException("Demo file " + file.toAbsolutePath() + " is not a valid district "
                    + "document for " + district + ": " + e.getMessage(), e);
        }
    }
}
