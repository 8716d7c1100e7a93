package app.cascade.exchange;

import app.cascade.CascadeIntegrationTest;
import app.cascade.exchange.internal.DistrictExporter;
import app.cascade.exchange.internal.DistrictImporter;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed demo files import into the test districts (their {@code district} field is absent, so they import
 * anywhere), and what the database then holds still covers every push rule and round-trips.
 */
@CascadeIntegrationTest
class DemoDistrictsIT {

    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    DistrictImporter importer;
    @Autowired
    DistrictExporter exporter;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @ParameterizedTest
    @CsvSource({"lakeside, alpha", "cedar-valley, beta"})
    void demo_file_imports_and_the_district_covers_every_rule(String file, String district) throws Exception {
        app.cascade.catalog.DistrictFixture.in(district, context).wipe();
        byte[] json = Files.readAllBytes(Path.of("tenants", file + ".json"));
        ImportSummary summary = TenantContext.call(district, () -> importer.importDistrict(json));
        assertThat(summary.district()).isEqualTo(district);
        assertThat(summary.schools()).isBetween(2, 3);

        DistrictDocument exported = TenantContext.call(district, exporter::exportDistrict);
        assertThat(DemoDistrictsTest.coverage(exported))
                .allSatisfy((rule, present) -> assertThat(present).as(rule).isTrue());

        Map<String, List<String>> before = ExchangeTestSupport.snapshot(district, jdbc, tx);
        TenantContext.call(district, () -> importer.importDistrict(exporter.toJson(exported)));
        assertThat(ExchangeTestSupport.snapshot(district, jdbc, tx)).isEqualTo(before);
    }
}
