package app.cascade.exchange.internal;

import app.cascade.exchange.ExchangeValidationException;
import app.cascade.exchange.ImportSummary;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Demo data: at start-up, imports {@code <cascade.tenants.dir>/<id>.json} (exchange format) into every district whose
 * schema has no school year yet. Idempotent: a district with data is left alone. A demo file that does not import
 * stops start-up with the file name and the JSON path; a district without a file is only logged.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "cascade.demo-data.enabled", havingValue = "true")
class DemoDistrictLoader implements ApplicationRunner {

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

    @Override
    public void run(ApplicationArguments args) {
        for (Tenant tenant : registry.all()) {
            loadIfEmpty(tenant);
        }
    }

    void loadIfEmpty(Tenant tenant) {
        Path file = directory.resolve(tenant.id() + ".json");
        TenantContext.run(tenant.id(), () -> {
            Integer years = transactions.execute(s -> jdbc.queryForObject("select count(*) from school_year",
                    Integer.class));
            if (years != null && years > 0) {
                log.info("District {} already has data; demo file {} not loaded", tenant.id(), file);
                return;
            }
            if (!Files.isRegularFile(file)) {
                log.info("District {} is empty and has no demo file {}", tenant.id(), file.toAbsolutePath());
                return;
            }
            load(tenant.id(), file);
        });
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
