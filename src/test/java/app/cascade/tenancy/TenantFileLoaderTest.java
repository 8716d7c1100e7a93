package app.cascade.tenancy;

import app.cascade.tenancy.internal.TenantFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantFileLoaderTest {

    @TempDir
    Path dir;

    private static String valid(String id, String schema, String org) {
        return """
                id: %s
                displayName: District %s
                schema: %s
                organization: %s
                timeZone: America/Chicago
                batchReporting: true
                notificationSender: noreply@%s.example
                """.formatted(id, id, schema, org, id);
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }

    private TenantFileException failure() {
        return (TenantFileException) org.assertj.core.api.Assertions.catchThrowable(() -> TenantFileLoader.load(dir));
    }

    @Test
    void loads_every_yml_file_with_all_fields() throws IOException {
        write("north.yml", valid("north", "district_north", "north"));
        write("south.yml", valid("south", "district_south", "south-org"));
        write("README.txt", "not a tenant");

        List<Tenant> tenants = TenantFileLoader.load(dir);

        assertThat(tenants).extracting(Tenant::id).containsExactly("north", "south");
        Tenant south = tenants.get(1);
        assertThat(south.schema()).isEqualTo("district_south");
        assertThat(south.organization()).isEqualTo("south-org");
        assertThat(south.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(south.batchReporting()).isTrue();
        assertThat(south.notificationSender()).isEqualTo("noreply@south.example");
    }

    @Test
    void a_duplicate_id_names_both_files() throws IOException {
        write("north.yml", valid("north", "district_north", "north"));
        write("other.yml", valid("north", "district_other", "other"));

        assertThatThrownBy(() -> TenantFileLoader.load(dir))
                .isInstanceOf(TenantFileException.class)
                .hasMessageContaining("other.yml")
                .hasMessageContaining("field 'id'");
    }

    @Test
    void a_duplicate_schema_is_rejected() throws IOException {
        write("north.yml", valid("north", "district_x", "north"));
        write("south.yml", valid("south", "district_x", "south"));

        TenantFileException e = failure();
        assertThat(e.file()).endsWith("south.yml");
        assertThat(e.field()).isEqualTo("schema");
        assertThat(e).hasMessageContaining("north.yml");
    }

    @Test
    void a_schema_that_is_not_a_safe_identifier_is_rejected() throws IOException {
        write("north.yml", valid("north", "x; drop table tenant; --", "north"));

        TenantFileException e = failure();
        assertThat(e.field()).isEqualTo("schema");
        assertThat(e).hasMessageContaining("north.yml").hasMessageContaining("not a safe SQL identifier");
    }

    @Test
    void reserved_schemas_are_rejected() throws IOException {
        write("north.yml", valid("north", "public", "north"));

        assertThat(failure().field()).isEqualTo("schema");
    }

    @Test
    void a_missing_field_is_named() throws IOException {
        write("north.yml", valid("north", "district_north", "north").replace("timeZone: America/Chicago\n", ""));

        TenantFileException e = failure();
        assertThat(e.field()).isEqualTo("timeZone");
        assertThat(e).hasMessageContaining("north.yml").hasMessageContaining("missing");
    }

    @Test
    void an_unknown_field_is_named_so_typos_do_not_pass_silently() throws IOException {
        write("north.yml", valid("north", "district_north", "north") + "batchReportng: false\n");

        assertThat(failure().field()).isEqualTo("batchReportng");
    }

    @Test
    void bad_values_are_named() throws IOException {
        write("north.yml", valid("north", "district_north", "north").replace("America/Chicago", "Mars/Base"));
        assertThat(failure().field()).isEqualTo("timeZone");

        write("north.yml", valid("north", "district_north", "north").replace("batchReporting: true",
                "batchReporting: maybe"));
        assertThat(failure().field()).isEqualTo("batchReporting");

        write("north.yml", valid("north", "district_north", "north").replace("noreply@north.example", "nobody"));
        assertThat(failure().field()).isEqualTo("notificationSender");
    }

    @Test
    void enabled_and_the_cap_of_running_pushes_are_optional_with_defaults() throws IOException {
        write("north.yml", valid("north", "district_north", "north"));
        write("south.yml", valid("south", "district_south", "south") + "enabled: false\nmaxRunningPushes: 5\n");

        List<Tenant> tenants = TenantFileLoader.load(dir);

        assertThat(tenants).extracting(Tenant::enabled).containsExactly(true, false);
        assertThat(tenants).extracting(Tenant::maxRunningPushes).containsExactly(Tenant.DEFAULT_MAX_RUNNING_PUSHES, 5);
    }

    @Test
    void a_bad_enabled_or_cap_of_running_pushes_is_named() throws IOException {
        write("north.yml", valid("north", "district_north", "north") + "enabled: no-thanks\n");
        assertThat(failure().field()).isEqualTo("enabled");

        for (String cap : List.of("0", "51", "two", "1.5")) {
            write("north.yml", valid("north", "district_north", "north") + "maxRunningPushes: " + cap + "\n");
            assertThat(failure().field()).as(cap).isEqualTo("maxRunningPushes");
        }
    }

    @Test
    void the_id_must_match_the_file_name() throws IOException {
        write("north.yml", valid("south", "district_south", "south"));

        TenantFileException e = failure();
        assertThat(e.field()).isEqualTo("id");
        assertThat(e).hasMessageContaining("expected south.yml");
    }

    @Test
    void an_empty_or_missing_folder_stops_start_up() {
        assertThat(failure()).hasMessageContaining("no tenant file");
        assertThatThrownBy(() -> TenantFileLoader.load(dir.resolve("nope")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void a_district_is_on_the_main_database_unless_its_file_names_a_configured_one() throws IOException {
        write("north.yml", valid("north", "district_north", "north"));
        write("south.yml", valid("south", "district_south", "south") + "database: east\n");

        List<Tenant> tenants = TenantFileLoader.load(dir, java.util.Set.of("main", "east"));

        assertThat(tenants).extracting(Tenant::database).containsExactly("main", "east");
    }

    @Test
    void a_database_that_is_not_configured_names_the_file_and_the_field() throws IOException {
        write("south.yml", valid("south", "district_south", "south") + "database: west\n");

        assertThatThrownBy(() -> TenantFileLoader.load(dir, java.util.Set.of("main", "east")))
                .isInstanceOf(TenantFileException.class)
                .hasMessageContaining("south.yml")
                .hasMessageContaining("field 'database'")
                .hasMessageContaining("'west' is not a configured database")
                .hasMessageContaining("CASCADE_DATABASES_WEST_URL");
    }
}
