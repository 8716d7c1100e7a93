package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.job.PushJob;
import app.cascade.push.job.PushJobReconciler;
import app.cascade.tenancy.DistrictEnabled;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import app.cascade.tenancy.UnknownTenantException;
import org.jobrunr.jobs.context.JobContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: a district switched off in its tenant file ({@code enabled: false}) holds its queued pushes and keeps its
 * data; it takes no new push, whoever asks; switched on again ({@link DistrictEnabled}), its held pushes run. The
 * registry is updated as the tenant folder's watcher updates it. (FairPushWorkersIT's setup, to share its context.)
 */
@CascadeIntegrationTest
@TestPropertySource(properties = {"jobrunr.background-job-server.worker-count=4",
        "cascade.push.reconciler.enabled=true", "cascade.push.reconciler.every=1h",
        "cascade.push.reconciler.grace=0s"})
class SwitchedOffDistrictPushesIT {

    static final String SWITCHED_OFF = "Waiting: this district is switched off in Cascade; the request runs once it is"
            + " switched on.";

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushRequestStore store;
    @Autowired
    PushJob job;
    @Autowired
    PushJobReconciler reconciler;
    @Autowired
    TenantRegistry registry;
    @Autowired
    PushSupportService support;
    @Autowired
    PushUndoService undos;

    List<Tenant> registered;

    @BeforeEach
    void remember() {
        registered = List.copyOf(registry.all());
    }

    @AfterEach
    void restore() {
        registry.update(registered);
        TestUsers.signOut();
    }

    @Test
    void a_switched_off_districts_queued_push_waits_changing_nothing_and_runs_once_the_district_is_switched_on() {
        PushFixture f = new PushFixture(context).build();
        f.eng.with(task("S2", "Semester 2"));
        PushCommand command = PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class));
        UUID queued = f.inAlpha(() -> store.create(command, "alpha.push", PushStatus.QUEUED, Instant.now()));
        List<String> before = f.snapshot();

        switchAlpha(false);
        job.run("alpha", queued, JobContext.Null);

        PushRequestView held = f.inAlpha(() -> store.find(queued)).orElseThrow();
        assertThat(held.status()).isEqualTo(PushStatus.QUEUED);
        assertThat(held.message()).isEqualTo(SWITCHED_OFF);
        assertThat(reconciler.reconcile()).as("the reconciler leaves a switched-off district's requests alone")
                .isEmpty();
        assertThat(f.inAlpha(() -> store.jobId(queued))).isEmpty();
        assertThat(f.snapshot()).as("nothing of the district's data changed").isEqualTo(before);
        f.inAlpha(() -> f.jdbc.update("update push_request set submitted_at = now() - interval '1 hour'"));
        TestUsers.signIn(context, "support");
        assertThat(support.needingAttention()).as("a held request waits by design: support is not told it is stuck")
                .noneMatch(r -> r.id().equals(queued));
        TestUsers.signOut();

        switchAlpha(true);
        context.publishEvent(new DistrictEnabled("alpha"));
        await("the held push completes").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> f.inAlpha(() -> store.find(queued)).orElseThrow().status().isFinal());
        assertThat(f.inAlpha(() -> store.find(queued)).orElseThrow().status().name()).startsWith("COMPLETED");
        assertThat(f.snapshot()).as("the push wrote its new task").isNotEqualTo(before);
    }

    @Test
    void a_switched_off_district_takes_no_new_push_and_stores_nothing() {
        PushFixture f = new PushFixture(context).build();
        PushCommand command = PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class));
        switchAlpha(false);
        TestUsers.signIn(context, "alpha.push");

        // its users have no district while it is off (the API answers 403 district-switched-off before this)
        assertThatThrownBy(() -> requests.submit(command, null)).isInstanceOf(UnknownTenantException.class);
        // a call bound to the district itself (support acting for it, a job) is refused by the service
        assertThatThrownBy(() -> TenantContext.run("alpha", () -> requests.submit(command, null)))
                .isInstanceOf(PushStateException.class)
                .hasMessage("Alpha Test District is switched off in Cascade: it takes no push until it is switched on"
                        + " again");
        assertThatThrownBy(() -> TenantContext.run("alpha", () -> requests.submit(command, null, "key-1")))
                .isInstanceOf(PushStateException.class);
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_request", Integer.class)))
                .isZero();
    }

    @Test
    void a_switched_off_district_takes_no_undo_and_stores_nothing() {
        PushFixture f = new PushFixture(context).build();
        f.eng.with(task("S2", "Semester 2"));
        UUID pushed = f.inAlpha(() -> store.create(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED,
                true, EnumSet.allOf(LockType.class)), "alpha.push", PushStatus.QUEUED, Instant.now()));
        job.run("alpha", pushed, JobContext.Null);
        assertThat(f.inAlpha(() -> store.find(pushed)).orElseThrow().status()).isEqualTo(PushStatus.COMPLETED);
        List<String> before = f.snapshot();
        switchAlpha(false);
        TestUsers.signIn(context, "alpha.push");

        // a call bound to the district itself (support acting for it, a script's token) is refused by the service
        assertThatThrownBy(() -> TenantContext.run("alpha", () -> undos.undo(pushed)))
                .isInstanceOf(PushStateException.class)
                .hasMessage("Alpha Test District is switched off in Cascade: it takes no push until it is switched on"
                        + " again");
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_request where kind = 'UNDO'",
                Integer.class))).isZero();
        assertThat(f.snapshot()).as("nothing of the district's data changed").isEqualTo(before);
    }

    private void switchAlpha(boolean enabled) {
        registry.update(registered.stream().map(t -> t.id().equals("alpha")
                ? FairPushWorkersIT.with(t, enabled, t.maxRunningPushes()) : t).toList());
    }
}
