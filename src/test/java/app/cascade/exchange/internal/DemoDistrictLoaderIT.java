package app.cascade.exchange.internal;

import app.cascade.CascadeIntegrationTest;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CascadeIntegrationTest
class DemoDistrictLoaderIT {

    @Autowired
    TenantRegistry registry;
    @Autowired
    DistrictImporter importer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void a_bad_demo_file_fails_with_file_name_and_json_path(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alpha.json");
        Files.writeString(file, """
                {"format": "cascade.district/v1",
                 "schoolYears": [{"code": "26-27", "startDate": "2026-08-17", "endDate": "2026-01-01"}]}
                """);
        DemoDistrictLoader loader = new DemoDistrictLoader(registry, importer, jdbc, tx, dir);
        assertThatThrownBy(() -> loader.load("alpha", file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("$.schoolYears[0].endDate: must be after startDate");
    }

    @Test
    void a_district_with_data_is_left_alone(@TempDir Path dir) throws Exception {
        TenantContext.run("beta", () -> tx.executeWithoutResult(s -> importer.importDistrict("""
                {"format": "cascade.district/v1",
                 "schoolYears": [{"code": "29-30", "startDate": "2029-08-13", "endDate": "2030-06-07"}]}
                """.getBytes())));
        // a broken file proves it is not even read: loading it would fail
        Files.writeString(dir.resolve("beta.json"), "not json");
        new DemoDistrictLoader(registry, importer, jdbc, tx, dir).loadIfEmpty(registry.require("beta"));
        Integer years = TenantContext.call("beta", () -> tx.execute(s ->
                jdbc.queryForObject("select count(*) from school_year where code = '29-30'", Integer.class)));
        assertThat(years).isEqualTo(1);
    }
}
