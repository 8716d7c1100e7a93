package app.cascade.exchange;

import app.cascade.CascadeIntegrationTest;
import app.cascade.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CascadeIntegrationTest
class ExchangeRoundTripIT {

    @Autowired
    DistrictExchangeService exchange;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void signOut() {
        ExchangeTestSupport.signOut();
    }

    @Test
    void import_of_an_export_changes_nothing_and_exports_the_same_bytes() {
        ExchangeTestSupport.signIn("alpha.admin", "alpha", Roles.DISTRICT_ADMIN);
        DistrictDocument lakeside = DemoDistrictGenerator.generate(DemoDistrictGenerator.LAKESIDE);
        ImportSummary summary = exchange.importDistrict(DemoDistrictGenerator.json(DemoDistrictGenerator.LAKESIDE));
        assertThat(summary.district()).isEqualTo("alpha");
        assertThat(summary.masters()).isEqualTo(lakeside.catalogs().getFirst().masters().size());
        assertThat(summary.scores()).isPositive();

        byte[] first = exchange.exportDistrictJson();
        Map<String, List<String>> before = ExchangeTestSupport.snapshot("alpha", jdbc, tx);
        assertThat(before.get("score")).hasSizeGreaterThanOrEqualTo(summary.scores());

        ImportSummary again = exchange.importDistrict(first);
        Map<String, List<String>> after = ExchangeTestSupport.snapshot("alpha", jdbc, tx);
        byte[] second = exchange.exportDistrictJson();

        assertThat(again.scores()).isEqualTo(before.get("score").size());
        for (String table : ExchangeTestSupport.DISTRICT_TABLES) {
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
        assertThat(exchange.exportDistrict().district()).isEqualTo("alpha");
    }

    @Test
    void import_never_deletes_rows_the_document_does_not_mention() {
        ExchangeTestSupport.signIn("alpha.admin", "alpha", Roles.DISTRICT_ADMIN);
        exchange.importDistrict(DemoDistrictGenerator.json(DemoDistrictGenerator.LAKESIDE));
        Map<String, List<String>> before = ExchangeTestSupport.snapshot("alpha", jdbc, tx);

        exchange.importDistrict("""
                {"format": "cascade.district/v1", "district": "alpha",
                 "schoolYears": [{"code": "30-31", "startDate": "2030-08-19", "endDate": "2031-06-06"}]}
                """.getBytes(StandardCharsets.UTF_8));

        Map<String, List<String>> after = ExchangeTestSupport.snapshot("alpha", jdbc, tx);
        for (String table : ExchangeTestSupport.DISTRICT_TABLES) {
            if (table.equals("school_year")) {
                assertThat(after.get(table)).containsAll(before.get(table)).hasSize(before.get(table).size() + 1);
            } else {
                assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
            }
        }
    }

    @Test
    void an_update_changes_only_the_values_the_document_changes() {
        ExchangeTestSupport.signIn("alpha.admin", "alpha", Roles.DISTRICT_ADMIN);
        exchange.importDistrict(DemoDistrictGenerator.json(DemoDistrictGenerator.LAKESIDE));
        String export = new String(exchange.exportDistrictJson(), StandardCharsets.UTF_8);
        Map<String, List<String>> before = ExchangeTestSupport.snapshot("alpha", jdbc, tx);

        String renamed = export.replace("\"Concert Choir\"", "\"Chamber Choir\"");
        assertThat(renamed).isNotEqualTo(export);
        exchange.importDistrict(renamed.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(exchange.exportDistrictJson(), StandardCharsets.UTF_8)).isEqualTo(renamed);
        Map<String, List<String>> after = ExchangeTestSupport.snapshot("alpha", jdbc, tx);
        assertThat(after.get("score")).containsExactlyElementsOf(before.get("score"));
        assertThat(after.get("course_master")).filteredOn(r -> r.contains("Chamber Choir")).singleElement()
                .satisfies(r -> assertThat(r).contains(",1)")); // version bumped once
        exchange.importDistrict(export.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void only_district_admins_import_and_support_never_exports() {
        byte[] doc = "{\"format\": \"cascade.district/v1\"}".getBytes(StandardCharsets.UTF_8);
        ExchangeTestSupport.signIn("alpha.viewer", "alpha", Roles.VIEWER);
        assertThatThrownBy(() -> exchange.importDistrict(doc)).isInstanceOf(AccessDeniedException.class);
        assertThat(exchange.exportDistrict().district()).isEqualTo("alpha");

        ExchangeTestSupport.signIn("alpha.push", "alpha", Roles.PUSH_ADMIN);
        assertThatThrownBy(() -> exchange.importDistrict(doc)).isInstanceOf(AccessDeniedException.class);

        ExchangeTestSupport.signIn("support", null, Roles.SUPPORT);
        assertThatThrownBy(() -> exchange.exportDistrict()).isInstanceOf(AccessDeniedException.class);
    }
}
