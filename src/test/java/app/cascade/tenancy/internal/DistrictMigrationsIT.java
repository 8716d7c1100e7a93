package app.cascade.tenancy.internal;

import app.cascade.CascadeIntegrationTest;
import app.cascade.tenancy.DistrictReady;
import app.cascade.tenancy.DistrictState;
import app.cascade.tenancy.DistrictUnavailableException;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decision 0026: district schemas migrate in the background, a call for a district migrates it at once, and a failed
 * migration makes that district (and only that one) unavailable, with the reason. Real Flyway, real PostgreSQL, on
 * schemas of this test's own districts.
 */
@CascadeIntegrationTest
class DistrictMigrationsIT {

    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private final String suffix = "m" + System.nanoTime() % 100_000 + "_" + RUN.incrementAndGet();
    private DistrictMigrations migrations;

    @AfterEach
    void tearDown() {
        if (migrations != null) {
            // never drop a schema Flyway is migrating (a deadlock across its two connections): let it end first
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> migrations.availability().values()
                    .stream().noneMatch(a -> a.state() == DistrictState.MIGRATING));
            migrations.close();
        }
        for (String schema : jdbc.queryForList("select nspname from pg_namespace where nspname like ?",
                String.class, "%\\_" + suffix)) {
            jdbc.execute("drop schema " + schema + " cascade");
        }
    }

    private Tenant tenant(String id) {
        return new Tenant(id + "-" + suffix.replace('_', '-'), "District " + id, id + "_" + suffix, id + suffix,
                ZoneId.of("UTC"), true, "noreply@" + id + ".example", id + ".yml");
    }

    private DistrictMigrations migrations(List<Tenant> tenants, int threads, ApplicationEventPublisher events) {
        migrations = new DistrictMigrations(new TenantRegistry(tenants), events, threads, Duration.ofSeconds(60),
                false);
        migrations.configure(Flyway.configure().dataSource(dataSource));
        return migrations;
    }

    private boolean hasTable(String schema, String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from information_schema.tables"
                + " where table_schema = ? and table_name = ?)", Boolean.class, schema, table));
    }

    @Test
    void every_district_migrates_after_start_and_a_failed_one_is_unavailable_with_its_reason_while_the_others_work() {
        Tenant north = tenant("north");
        Tenant broken = tenant("broken");
        Tenant south = tenant("south");
        // the broken district's schema already holds a table of its own: Flyway refuses to migrate over it
        jdbc.execute("create schema " + broken.schema());
        jdbc.execute("create table " + broken.schema() + ".school_year (x int)");
        Map<String, String> ready = new ConcurrentHashMap<>();
        DistrictMigrations m = migrations(List.of(north, broken, south), 2,
                e -> { if (e instanceof DistrictReady r) ready.put(r.tenantId(), Thread.currentThread().getName()); });

        m.start();

        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> m.availability().values().stream()
                .noneMatch(a -> a.state() == DistrictState.MIGRATING));
        assertThat(m.availability().get(north.id()).state()).isEqualTo(DistrictState.READY);
        assertThat(m.availability().get(south.id()).state()).isEqualTo(DistrictState.READY);
        assertThat(m.ready()).containsExactly(north, south);
        assertThat(hasTable(north.schema(), "push_request")).isTrue();
        assertThat(hasTable(south.schema(), "push_request")).isTrue();
        assertThat(ready).containsOnlyKeys(north.id(), south.id());
        assertThat(ready.values()).allMatch(name -> name.startsWith("district-migration-"));

        var failed = m.availability().get(broken.id());
        assertThat(failed.state()).isEqualTo(DistrictState.UNAVAILABLE);
        assertThat(failed.reason()).startsWith("its schema could not be migrated").contains("non-empty schema").contains(broken.schema());
        assertThatThrownBy(() -> m.awaitReady(broken.id()))
                .isInstanceOf(DistrictUnavailableException.class)
                .hasMessageContaining("District broken is unavailable")
                .hasMessageContaining("Support view");
        m.awaitReady(north.id()); // no exception, no wait
    }

    @Test
    void a_call_for_a_district_whose_migration_waits_in_line_runs_it_on_the_callers_thread() throws Exception {
        Tenant first = tenant("first");
        Tenant second = tenant("second");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstReady = new CountDownLatch(1);
        Map<String, String> readyOn = new ConcurrentHashMap<>();
        // one migration thread, kept busy by the first district's readiness listener until the test releases it
        DistrictMigrations m = migrations(List.of(first, second), 1, e -> {
            if (e instanceof DistrictReady r) {
                readyOn.put(r.tenantId(), Thread.currentThread().getName());
                if (r.tenantId().equals(first.id())) {
                    firstReady.countDown();
                    await(release);
                }
            }
        });
        m.start();
        assertThat(firstReady.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(m.availability().get(second.id()).state()).isEqualTo(DistrictState.MIGRATING);

        m.awaitReady(second.id());

        assertThat(m.availability().get(second.id()).state()).isEqualTo(DistrictState.READY);
        assertThat(readyOn.get(second.id())).isEqualTo(Thread.currentThread().getName());
        assertThat(hasTable(second.schema(), "push_request")).isTrue();
        assertThat(m.availability().get(first.id()).state()).as("its listener still runs")
                .isEqualTo(DistrictState.MIGRATING);
        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> m.ready().size() == 2);
    }

    @Test
    void a_readiness_listener_may_use_its_own_district_without_waiting_for_itself() {
        Tenant own = tenant("own");
        AtomicInteger used = new AtomicInteger();
        DistrictMigrations[] holder = new DistrictMigrations[1];
        holder[0] = migrations(List.of(own), 1, e -> {
            if (e instanceof DistrictReady r) {
                holder[0].awaitReady(r.tenantId()); // as the demo data loader's transaction does
                used.incrementAndGet();
            }
        });

        holder[0].awaitReady(own.id());

        assertThat(used).hasValue(1);
        assertThat(holder[0].ready()).containsExactly(own);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
