package app.cascade.tenancy.internal;

import app.cascade.CascadeIntegrationTest;
import app.cascade.tenancy.DistrictEnabled;
import app.cascade.tenancy.DistrictState;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantFileProblem;
import app.cascade.tenancy.TenantRegistry;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: districts come and go without a restart. The watcher on a folder of its own, with a registry, migrations
 * and a registry table of its own (so the application's districts are not touched), against real PostgreSQL.
 */
@CascadeIntegrationTest
class TenantFolderWatcherIT {

    private static final String SHARED = "watcher_it";
    private static final AtomicLong CLOCK = new AtomicLong(1_700_000_000_000L);

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    private TenantRegistry registry;
    private DistrictMigrations migrations;
    private TenantFolderWatcher watcher;
    private final List<Object> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        jdbc.execute("create schema if not exists " + SHARED);
        jdbc.execute("create table if not exists " + SHARED + ".tenant (like cascade.tenant including all)");
        write("north", file("north", "district_w_north", "w-north"));
        registry = new TenantRegistry(TenantFileLoader.load(dir));
        migrations = new DistrictMigrations(registry, events::add, 1, Duration.ofSeconds(60), false);
        migrations.configure(Flyway.configure().dataSource(dataSource));
        migrations.start();
        watcher = new TenantFolderWatcher(dir, registry, migrations, new TenantRegistryWriter(jdbc, SHARED),
                events::add);
    }

    @AfterEach
    void tearDown() {
        // a schema dropped while Flyway migrates it deadlocks across Flyway's two connections: let them end first
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> migrations.availability().values().stream()
                .noneMatch(a -> a.state() == DistrictState.MIGRATING));
        migrations.close();
        jdbc.execute("drop schema " + SHARED + " cascade");
        for (String schema : jdbc.queryForList("select nspname from pg_namespace where nspname like 'district_w\\_%'",
                String.class)) {
            jdbc.execute("drop schema " + schema + " cascade");
        }
    }

    private static String file(String id, String schema, String organization) {
        return """
                id: %s
                displayName: District %s
                schema: %s
                organization: %s
                timeZone: UTC
                batchReporting: true
                notificationSender: noreply@%s.example
                """.formatted(id, id, schema, organization, id);
    }

    /** Writes a tenant file with a new modification time, as an edit a second later would. */
    private void write(String id, String content) throws IOException {
        Path file = dir.resolve(id + ".yml");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(CLOCK.addAndGet(1000)));
    }

    private String registered(String id) {
        return jdbc.queryForList("select schema_name from " + SHARED + ".tenant where id = ? and active",
                String.class, id).stream().findFirst().orElse(null);
    }

    @Test
    void a_new_file_registers_and_migrates_its_district() throws IOException {
        write("south", file("south", "district_w_south", "w-south"));

        watcher.reload();

        assertThat(registry.find("south")).isPresent();
        assertThat(registry.byOrganization("w-south")).isPresent();
        assertThat(registered("south")).isEqualTo("district_w_south");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                migrations.availability().get("south").state() == DistrictState.READY);
        assertThat(jdbc.queryForObject("select count(*) from district_w_south.push_request", Integer.class))
                .isZero();
        assertThat(watcher.problems()).isEmpty();
    }

    @Test
    void a_bad_new_file_is_reported_with_its_field_and_changes_nothing() throws IOException {
        write("east", file("east", "district_w_east", "w-east").replace("timeZone: UTC", "timeZone: Mars/Base"));
        write("west", file("west", "district_w_north", "w-west"));

        watcher.reload();

        assertThat(registry.all()).extracting(Tenant::id).containsExactly("north");
        assertThat(registered("east")).isNull();
        assertThat(registered("west")).isNull();
        assertThat(watcher.problems()).extracting(TenantFileProblem::field).containsExactly("timeZone", "schema");
        assertThat(watcher.problems().get(1).message()).contains("west.yml").contains("duplicate value");
        assertThat(jdbc.queryForObject("select count(*) from pg_namespace where nspname = 'district_w_east'",
                Integer.class)).isZero();

        write("east", file("east", "district_w_east", "w-east"));
        watcher.reload();
        assertThat(registry.find("east")).isPresent();
        assertThat(watcher.problems()).extracting(TenantFileProblem::field).containsExactly("schema");
    }

    @Test
    void a_file_switched_off_keeps_its_district_registered_and_switching_it_on_again_is_announced() throws IOException {
        write("north", file("north", "district_w_north", "w-north") + "enabled: false\n");
        watcher.reload();

        assertThat(registry.require("north").enabled()).isFalse();
        assertThat(events).noneMatch(DistrictEnabled.class::isInstance);

        write("north", file("north", "district_w_north", "w-north") + "enabled: true\n");
        watcher.reload();

        assertThat(registry.require("north").enabled()).isTrue();
        assertThat(events).filteredOn(DistrictEnabled.class::isInstance).containsExactly(new DistrictEnabled("north"));
    }

    @Test
    void a_broken_edit_keeps_the_districts_settings_and_a_schema_change_is_refused() throws IOException {
        write("north", "id: north\ndisplayName: [unclosed\n");
        watcher.reload();
        assertThat(registry.require("north").displayName()).isEqualTo("District north");
        assertThat(watcher.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("north.yml"));

        write("north", file("north", "district_w_elsewhere", "w-north"));
        watcher.reload();
        assertThat(registry.require("north").schema()).isEqualTo("district_w_north");
        assertThat(watcher.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("schema");
            assertThat(p.message()).contains("cannot change while Cascade runs");
        });

        write("north", file("north", "district_w_north", "w-north").replace("District north", "North Renamed"));
        watcher.reload();
        assertThat(registry.require("north").displayName()).isEqualTo("North Renamed");
        assertThat(watcher.problems()).isEmpty();
    }

    @Test
    void a_removed_file_takes_its_district_out_of_the_registry_and_keeps_its_data() throws IOException {
        migrations.awaitReady("north");
        Files.delete(dir.resolve("north.yml"));
        write("south", file("south", "district_w_south", "w-south"));

        watcher.reload();

        assertThat(registry.find("north")).isEmpty();
        assertThat(registered("north")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from pg_namespace where nspname = 'district_w_north'",
                Integer.class)).isOne();
    }
}
