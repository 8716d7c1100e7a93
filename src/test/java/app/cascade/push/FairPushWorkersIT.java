package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.job.PushJobReconciler;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, fair workers (decision 0025): a district runs at most its {@code maxRunningPushes} pushes at once, on all
 * nodes together; the rest of its queue is held and frees the job workers, so another district's Run Now starts while
 * the backlog waits, and every held request runs once a slot frees. Four job workers here, so that the two a district
 * may take leave two for the others. The district's running pushes are kept running by a real lock: the test holds
 * {@code push_course_result} of {@code alpha} from its own connection, so they block in SQL until it lets go.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = {"jobrunr.background-job-server.worker-count=4",
        "cascade.push.reconciler.enabled=true", "cascade.push.reconciler.every=1h",
        "cascade.push.reconciler.grace=0s"})
class FairPushWorkersIT {

    static final int BACKLOG = 50;

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushJobReconciler reconciler;
    @Autowired
    TenantRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    List<Tenant> registered;
    Connection blocker;
    final AtomicInteger mostRunning = new AtomicInteger();
    final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void remember() {
        registered = List.copyOf(registry.all());
    }

    @AfterEach
    void restore() throws Exception {
        sampler.shutdownNow();
        letGo();
        registry.update(registered);
        TestUsers.signOut();
    }

    @Test
    void a_district_with_fifty_queued_pushes_runs_two_and_another_districts_run_now_completes_meanwhile()
            throws Exception {
        PushFixture alpha = new PushFixture(context, "alpha").build();
        List<Long> catalogs = catalogs(alpha, BACKLOG);
        PushFixture beta = new PushFixture(context, "beta").build();
        blockAlphasPushes();
        sampleAlphasRunning();

        List<UUID> backlog = new ArrayList<>();
        TestUsers.signIn(context, "alpha.push");
        for (long catalog : catalogs) {
            backlog.add(requests.submit(push(catalog, alpha.current), null));
        }
        TestUsers.signIn(context, "beta.push");
        UUID runNow = requests.submit(push(beta.catalog, beta.current), null);

        await("beta's Run Now completes").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> status("beta", runNow).startsWith("COMPLETED"));
        assertThat(count("alpha", "status = 'QUEUED'")).as("alpha's backlog is still queued")
                .isGreaterThanOrEqualTo(BACKLOG - 2);
        assertThat(count("alpha", "status not in ('QUEUED', 'RUNNING')")).as("none of alpha's has ended").isZero();
        await("alpha's backlog is held").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("alpha", "status = 'QUEUED' and message like 'Waiting: %'") == BACKLOG - 2);
        assertThat(count("alpha", "status = 'RUNNING'")).isEqualTo(2);
        assertThat(jdbc.queryForList("select distinct message from district_alpha.push_request where status ="
                + " 'QUEUED'", String.class)).containsExactly("Waiting: 2 pushes of this district are running (its"
                + " limit); this one starts when one ends");

        List<UUID> jobsBefore = jobIds("alpha");
        assertThat(reconciler.reconcile()).as("the reconciler leaves requests held while their district is at its"
                + " cap").isEmpty();
        assertThat(jobIds("alpha")).isEqualTo(jobsBefore);

        letGo();
        await("every push of alpha's backlog ends").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("alpha", "status in ('SCHEDULED', 'QUEUED', 'RUNNING')") == 0);
        sampler.shutdownNow();
        assertThat(count("alpha", "status like 'COMPLETED%' and attempts = 1")).as("each of the %d ran once and"
                + " completed", BACKLOG).isEqualTo(BACKLOG);
        assertThat(jdbc.queryForList("select id from district_alpha.push_request", UUID.class))
                .containsExactlyInAnyOrderElementsOf(backlog);
        assertThat(mostRunning.get()).as("alpha's pushes running at once, sampled every 10 ms").isEqualTo(2);
        for (UUID id : backlog) {
            assertThat(jdbc.queryForObject("select count(*) from jobrunr_jobs where jobasjson like ?", Integer.class,
                    "%" + id + "%")).as("jobs of %s: the one it was submitted with, and one when a slot freed if it"
                    + " was held (never churned)", id).isBetween(1, 2);
        }
    }

    @Test
    void a_district_whose_tenant_file_says_one_runs_its_pushes_one_at_a_time() throws Exception {
        registry.update(registered.stream().map(t -> t.id().equals("alpha") ? with(t, true, 1) : t).toList());
        PushFixture alpha = new PushFixture(context, "alpha").build();
        List<Long> catalogs = catalogs(alpha, 4);
        blockAlphasPushes();
        sampleAlphasRunning();

        TestUsers.signIn(context, "alpha.push");
        for (long catalog : catalogs) {
            requests.submit(push(catalog, alpha.current), null);
        }
        await("three of alpha's four pushes are held").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count("alpha", "status = 'QUEUED' and message = 'Waiting: 1 push of this district is"
                        + " running (its limit); this one starts when one ends'") == 3);
        assertThat(count("alpha", "status = 'RUNNING'")).isEqualTo(1);

        letGo();
        await("all four complete").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("alpha", "status like 'COMPLETED%'") == 4);
        sampler.shutdownNow();
        assertThat(mostRunning.get()).as("alpha's pushes running at once, sampled every 10 ms").isEqualTo(1);
    }

    @Test
    void the_reconciler_gives_a_held_request_a_job_when_its_district_has_a_free_slot() {
        PushFixture alpha = new PushFixture(context, "alpha").build();
        TestUsers.signIn(context, "alpha.push");
        // as a node that died while its pushes ran leaves it: held for a slot, and no push left to hand one on
        UUID held = alpha.inAlpha(() -> {
            UUID id = context.getBean(app.cascade.push.internal.PushRequestStore.class).create(
                    push(alpha.catalog, alpha.current), "alpha.push", PushStatus.QUEUED, java.time.Instant.now());
            context.getBean(app.cascade.push.internal.PushRequestStore.class).markWaiting(id,
                    "2 pushes of this district are running (its limit); this one starts when one ends");
            return id;
        });

        assertThat(reconciler.reconcile()).containsExactly("alpha/" + held + ": given a job (it was held, and its"
                + " district has a free slot)");
        await("the held request completes").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> status("alpha", held).startsWith("COMPLETED"));
    }

    @Test
    void cancelling_a_request_about_to_take_the_last_slot_gives_it_to_the_oldest_held_request() {
        registry.update(registered.stream().map(t -> t.id().equals("alpha") ? with(t, true, 1) : t).toList());
        PushFixture alpha = new PushFixture(context, "alpha").build();
        var store = context.getBean(app.cascade.push.internal.PushRequestStore.class);
        TestUsers.signIn(context, "alpha.push");
        // a request given a job when a slot freed, not started yet, and one held behind it
        UUID starting = alpha.inAlpha(() -> store.create(push(alpha.catalog, alpha.current), "alpha.push",
                PushStatus.QUEUED, java.time.Instant.now()));
        UUID held = alpha.inAlpha(() -> {
            UUID id = store.create(push(alpha.catalog, alpha.current), "alpha.push", PushStatus.QUEUED,
                    java.time.Instant.now());
            store.markWaiting(id, "1 push of this district is running (its limit); this one starts when one ends");
            return id;
        });

        requests.cancel(starting);

        await("the held request completes").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> status("alpha", held).startsWith("COMPLETED"));
    }

    /** {@code n} more catalogs in the district, each with one master and one course of it in the current year. */
    private static List<Long> catalogs(PushFixture f, int n) {
        List<Long> catalogs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            long catalog = f.d.catalog("Catalog %02d".formatted(i), CatalogLock.values());
            var master = f.d.master(catalog, "M%02d".formatted(i), "Master %02d".formatted(i))
                    .with(task("S1", "Semester 1"));
            f.d.course(f.calendarCurrent, master).copyAllFromMaster();
            catalogs.add(catalog);
        }
        return catalogs;
    }

    private static PushCommand push(long catalog, long year) {
        return PushCommand.catalog(catalog, year, PushMode.PUSH_LOCKED, false, EnumSet.allOf(LockType.class));
    }

    static Tenant with(Tenant t, boolean enabled, int maxRunningPushes) {
        return new Tenant(t.id(), t.displayName(), t.schema(), t.organization(), t.timeZone(), t.batchReporting(),
                t.notificationSender(), t.sourceFile(), enabled, maxRunningPushes);
    }

    /** Holds alpha's push results from the test's own connection: its pushes block when they write them. */
    private void blockAlphasPushes() throws Exception {
        blocker = dataSource.getConnection();
        blocker.setAutoCommit(false);
        try (Statement st = blocker.createStatement()) {
            st.execute("lock table district_alpha.push_course_result in exclusive mode");
        }
    }

    private void letGo() throws Exception {
        if (blocker != null) {
            blocker.rollback();
            blocker.close();
            blocker = null;
        }
    }

    private void sampleAlphasRunning() {
        sampler.scheduleAtFixedRate(() -> mostRunning.accumulateAndGet(count("alpha", "status = 'RUNNING'"),
                Math::max), 0, 10, TimeUnit.MILLISECONDS);
    }

    private int count(String district, String where) {
        Integer n = jdbc.queryForObject("select count(*) from district_" + district + ".push_request where " + where,
                Integer.class);
        return n == null ? 0 : n;
    }

    private String status(String district, UUID id) {
        return jdbc.queryForObject("select status from district_" + district + ".push_request where id = ?",
                String.class, id);
    }

    private List<UUID> jobIds(String district) {
        return jdbc.queryForList("select job_id from district_" + district + ".push_request order by id", UUID.class);
    }
}
