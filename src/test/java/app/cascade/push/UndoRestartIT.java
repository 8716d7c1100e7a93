package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.exchange.internal.DistrictExporter;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.UndoRequests;
import app.cascade.push.job.PushJob;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A failed or cancelled undo runs again as itself (issue 18, decision 0024): Restart by its push admin and Retry by
 * support re-queue the same UNDO request, whose job resumes with the courses it had not restored, so the push is
 * still undone once and the district's export ends as it was before the push. Chunks of two courses, so the fixture's
 * three courses take two chunks and a failure can fall between them. The restarted job runs on JobRunr, as in
 * production.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.chunk-size=2")
class UndoRestartIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushUndoService undoService;
    @Autowired
    PushSupportService support;
    @Autowired
    PushRequestStore store;
    @Autowired
    UndoRequests undos;
    @Autowired
    PushExecutor executor;
    @Autowired
    DistrictExporter exporter;

    PushFixture f;
    PushRuns runs;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
        runs = PushRuns.of(context);
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private String export() {
        return TenantContext.call("alpha", () -> new String(exporter.toJson(exporter.exportDistrict()),
                StandardCharsets.UTF_8));
    }

    private String status(UUID id) {
        return f.inAlpha(() -> f.jdbc.queryForObject("select status from push_request where id = ?", String.class,
                id));
    }

    private long count(String sql, Object... args) {
        return f.inAlpha(() -> f.jdbc.queryForObject(sql, Long.class, args));
    }

    private void awaitEnded(UUID id) {
        await().pollInSameThread().atMost(Duration.ofSeconds(90))
                .until(() -> PushStatus.valueOf(status(id)).isFinal());
    }

    /** A push, its undo that failed after its first chunk, and the district's export from before the push. */
    private record Failed(UUID push, UUID undo, String before) {
    }

    /**
     * An Overwrite of the catalog, then its undo run until its first chunk (two courses) committed and failed there
     * for good, as the job marks it after its last retry.
     */
    private Failed undoFailedAfterItsFirstChunk() {
        f.eng.with(task("S2", "Semester 2"));
        f.mat.with(task("S2", "Semester 2"));
        String before = export();
        UUID push = runs.run(PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)));
        UUID undo = f.inAlpha(() -> undos.create(undos.requireUndoable(push), "alpha.push", null,
                PushStatus.QUEUED));
        assertThatThrownBy(() -> TenantContext.run("alpha", () -> executor.execute(undo, done -> {
            if (done >= 2) {
                throw new IllegalStateException("simulated failure after the first chunk");
            }
        }))).hasMessageContaining("simulated failure");
        f.inAlpha(() -> {
            // as PushJob leaves it after its last retry
            f.jdbc.update("update push_request set attempts = ? where id = ?", PushJob.RETRIES + 1, undo);
            store.markFailed(undo, "The undo failed: simulated failure after the first chunk");
            return null;
        });
        assertThat(count("select count(*) from push_course_result where request_id = ?", undo)).isEqualTo(2);
        assertThat(export()).isNotEqualTo(before);
        return new Failed(push, undo, before);
    }

    @Test
    void a_failed_undo_restarted_by_its_admin_runs_again_as_itself_and_restores_the_courses_it_had_not() {
        Failed failed = undoFailedAfterItsFirstChunk();
        UUID push = failed.push();
        UUID undo = failed.undo();
        assertThatThrownBy(() -> undoService.undo(push)).isInstanceOf(PushStateException.class)
                .hasMessageContaining("undo, request " + undo + ", is FAILED: restart that undo");

        PushRestart plan = requests.restartPlan(undo);
        UUID restarted = requests.restart(undo, false);

        assertThat(plan.runAt()).as("it runs again now").isNull();
        assertThat(plan.overwriteAsksFirst()).isFalse();
        assertThat(restarted).isEqualTo(undo);
        awaitEnded(undo);
        assertThat(status(undo)).isEqualTo("COMPLETED");
        assertThat(export()).as("every course the push changed is back as it was").isEqualTo(failed.before());
        assertThat(count("select count(*) from push_request where kind = 'UNDO'")).isOne();
        assertThat(count("select count(*) from push_course_result where request_id = ?", undo))
                .as("one result per course, the first chunk's kept and not planned again").isEqualTo(3);
        assertThat(count("select count(*) from (select course_id, section, data_type, item from push_report_row"
                + " where request_id = ? group by 1, 2, 3, 4 having count(*) > 1) d", undo))
                .as("no report row twice").isZero();
        assertThat(count("select attempts from push_request where id = ?", undo)).as("its attempts counted afresh")
                .isOne();
        assertThat(count("select count(*) from push_change where request_id = ?", undo))
                .as("an undo is not undone: its writes keep no changes").isZero();
    }

    @Test
    void support_retries_a_failed_undo_as_itself_and_the_request_shows_who_and_why() {
        Failed failed = undoFailedAfterItsFirstChunk();
        UUID undo = failed.undo();
        TestUsers.signIn(context, "support");

        UUID retried = support.retryFailed("alpha", undo, "Disk full on the database host; space freed");

        assertThat(retried).isEqualTo(undo);
        TestUsers.signIn(context, "alpha.push");
        awaitEnded(undo);
        assertThat(status(undo)).isEqualTo("COMPLETED");
        assertThat(export()).isEqualTo(failed.before());
        assertThat(count("select count(*) from push_request where kind = 'UNDO'")).isOne();
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select action || ' ' || related_request_id || ' ' || reason"
                + " from push_request_action where request_id = ?", String.class, undo)))
                .isEqualTo("RETRIED " + undo + " Disk full on the database host; space freed");
    }

    @Test
    void a_finished_undo_is_not_restarted_and_a_failed_one_is_refused_once_the_push_changes_are_purged() {
        Failed failed = undoFailedAfterItsFirstChunk();
        UUID push = failed.push();
        UUID undo = failed.undo();
        f.inAlpha(() -> f.jdbc.update("with p as (update push_request set changes_purged_at = now() where id = ?)"
                + " delete from push_change where request_id = ?", push, push));

        assertThatThrownBy(() -> requests.restart(undo, false)).isInstanceOf(PushStateException.class)
                .hasMessageContaining("purged on").hasMessageContaining("can no longer be undone");
        assertThat(status(undo)).isEqualTo("FAILED");

        f.eng.with(task("Q9", "Quarter 9"));
        UUID other = runs.run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class)));
        UUID done = runs.undo(other);
        assertThat(status(done)).isEqualTo("COMPLETED");
        assertThatThrownBy(() -> requests.restart(done, false)).isInstanceOf(PushStateException.class)
                .hasMessage("Only a cancelled or failed request can be restarted; this one is COMPLETED");
        assertThat(count("select count(*) from push_request where kind = 'UNDO'")).isEqualTo(2);
    }
}
