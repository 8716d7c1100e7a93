package app.cascade.push;

import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.tenancy.DistrictDirectory;
import app.cascade.tenancy.DistrictSummary;
import app.cascade.tenancy.TenantContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, "More than one PostgreSQL server": district {@code alpha} on the main server, {@code beta} on a second one
 * ({@code cascade.databases.east}). Each migrates on its own server, its transactions (Hibernate's and the
 * JdbcTemplate's that joins them) run there, pushes run in both at once with each catalog lock taken on the
 * district's server, and the cross-district reads see both.
 */
class DistrictsOnTwoServersIT {

    @TempDir
    static Path tenants;
    static TwoServers servers;
    static ConfigurableApplicationContext context;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void start() {
        servers = new TwoServers(tenants);
        context = servers.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try (TwoServers ignored = servers) {
            if (context != null) {
                context.close();
            }
        }
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        TestUsers.signOut();
    }

    private <T> T inDistrict(String district, java.util.function.Supplier<T> work) {
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        return TenantContext.call(district, () -> tx.execute(s -> work.get()));
    }

    @Test
    void each_district_is_migrated_on_its_own_server_and_only_there() {
        assertThat(TwoServers.hasSchema(servers.main, "district_alpha")).isTrue();
        assertThat(TwoServers.hasSchema(servers.main, "district_beta")).isFalse();
        assertThat(TwoServers.hasSchema(servers.east, "district_beta")).isTrue();
        assertThat(TwoServers.hasSchema(servers.east, "district_alpha")).isFalse();
        // the shared schema and JobRunr stay on the main server
        assertThat(TwoServers.hasSchema(servers.main, "cascade")).isTrue();
        assertThat(TwoServers.hasSchema(servers.east, "cascade")).isFalse();
        assertThat(TwoServers.sql(servers.east).queryForObject("select count(*) from pg_namespace"
                + " where nspname like 'jobrunr%'", Integer.class)).isZero();
    }

    @Test
    void the_health_of_the_node_names_the_second_server_and_that_it_answers() {
        Health health = context.getBean("databasesHealthIndicator", HealthIndicator.class).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsExactly(Map.entry("east", "UP"));
    }

    @Test
    void an_event_published_inside_a_transaction_of_a_district_on_the_second_server_reaches_the_listeners() throws Exception {
        List<PushEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        UUID request = UUID.randomUUID();
        try (AutoCloseable ignored = context.getBean(PushEvents.class).subscribe(seen::add)) {
            inDistrict("beta", () -> {
                context.getBean(PushEvents.class).publish(PushEvent.request("beta", request, PushStatus.QUEUED, 0,
                        null));
                return null;
            });

            org.awaitility.Awaitility.await("the event, heard on the main server").atMost(java.time.Duration
                    .ofSeconds(10)).until(() -> seen.stream().anyMatch(e -> request.equals(e.requestId())));
        }
    }

    @Test
    void a_district_transaction_and_the_jdbc_template_that_joins_it_run_on_the_districts_server() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class); // built on the main DataSource
        assertThat(inDistrict("alpha", () -> jdbc.queryForObject("select inet_server_port()", Integer.class)))
                .isEqualTo(servers.main.getPort());
        assertThat(inDistrict("beta", () -> jdbc.queryForObject("select inet_server_port()", Integer.class)))
                .isEqualTo(servers.east.getPort());
        assertThat(inDistrict("beta", () -> jdbc.queryForObject("select current_schema()", String.class)))
                .isEqualTo("district_beta");
    }

    @Test
    void pushes_in_districts_on_both_servers_run_at_once_each_on_its_server_with_its_lock_there() throws Exception {
        PushFixture alpha = new PushFixture(context, "alpha").build();
        PushFixture beta = new PushFixture(context, "beta").build();
        UUID alphaRequest = stored(alpha);
        UUID betaRequest = stored(beta);
        Map<String, List<Integer>> locksSeen = new ConcurrentHashMap<>();
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        CompletableFuture<PushStatus> alphaRun = CompletableFuture.supplyAsync(() -> execute(alpha, alphaRequest,
                done -> meet(done, bothRunning, alpha, locksSeen)), threads);
        CompletableFuture<PushStatus> betaRun = CompletableFuture.supplyAsync(() -> execute(beta, betaRequest,
                done -> meet(done, bothRunning, beta, locksSeen)), threads);

        assertThat(alphaRun.get(120, TimeUnit.SECONDS)).isEqualTo(PushStatus.COMPLETED);
        assertThat(betaRun.get(120, TimeUnit.SECONDS)).isEqualTo(PushStatus.COMPLETED);
        // while both ran: each catalog's lock was held on its district's server, and not on the other
        assertThat(locksSeen.get("alpha")).as("alpha's lock on main, on east").containsExactly(1, 0);
        assertThat(locksSeen.get("beta")).as("beta's lock on main, on east").containsExactly(0, 1);
        // each request is stored, and ends, on its district's server only
        assertThat(TwoServers.sql(servers.main).queryForList("select id || ' ' || status from"
                + " district_alpha.push_request", String.class)).containsExactly(alphaRequest + " COMPLETED");
        assertThat(TwoServers.sql(servers.east).queryForList("select id || ' ' || status from"
                + " district_beta.push_request", String.class)).containsExactly(betaRequest + " COMPLETED");

        // the reads across districts see both servers' districts
        TestUsers.signIn(context, "support");
        Map<String, DistrictPushActivity> activity = new java.util.HashMap<>();
        context.getBean(PushActivity.class).now().forEach(a -> activity.put(a.districtId(), a));
        assertThat(activity.get("alpha").requestsLast24h()).containsEntry("COMPLETED", 1);
        assertThat(activity.get("beta").requestsLast24h()).containsEntry("COMPLETED", 1);
        assertThat(context.getBean(DistrictDirectory.class).districts()).extracting(DistrictSummary::schemaVersion)
                .doesNotContain("not migrated").hasSize(2);
        UUID failed = stored(beta);
        inDistrict("beta", () -> {
            context.getBean(PushRequestStore.class).markFailed(failed, "The push failed: on purpose");
            return null;
        });
        assertThat(context.getBean(PushSupportService.class).needingAttention())
                .extracting(RequestNeedingAttention::districtId, RequestNeedingAttention::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("beta", failed));
    }

    private UUID stored(PushFixture f) {
        PushCommand command = PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class));
        return f.inAlpha(() -> context.getBean(PushRequestStore.class).create(command, f.district + ".push",
                PushStatus.QUEUED, Instant.now()));
    }

    private PushStatus execute(PushFixture f, UUID request, IntConsumer progress) {
        return TenantContext.call(f.district, () -> context.getBean(PushExecutor.class).execute(request, progress));
    }

    /**
     * After its first chunk, a push notes where its catalog's lock is held (count on main, on east) and waits until
     * the other push has got as far, so both provably run at the same time.
     */
    private static void meet(int done, CyclicBarrier barrier, PushFixture f, Map<String, List<Integer>> seen) {
        if (done != 2) {
            return;
        }
        seen.put(f.district, List.of(lockHolders(servers.main, f), lockHolders(servers.east, f)));
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other district's push did not reach its first chunk", e);
        }
    }

    /** Sessions holding the catalog push lock of {@code f}'s catalog on {@code server} (CatalogPushLock's key). */
    private static int lockHolders(EmbeddedPostgres server, PushFixture f) {
        return TwoServers.sql(server).queryForObject("""
                select count(*) from pg_locks where locktype = 'advisory' and granted
                and classid::bigint = (hashtext(?)::bigint & 4294967295) and objid::bigint = ? and objsubid = 2
                """, Integer.class, "cascade.push:district_" + f.district, f.catalog);
    }
}
