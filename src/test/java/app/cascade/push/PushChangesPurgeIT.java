package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushChangePurge;
import app.cascade.push.internal.PushChangeStore;
import app.cascade.push.job.PushChangePurgeJob;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of a push's changes (decision 0023): the purge removes the changes of the requests that finished longer
 * ago than cascade.push.changes.retention (30 days here, the default), batch by batch, marks them purged, and leaves
 * every other request's changes alone.
 */
@CascadeIntegrationTest
class PushChangesPurgeIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushChangeStore store;
    @Autowired
    PushChangePurge purge;
    @Autowired
    PushChangePurgeJob job;

    PushFixture f;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private UUID push(String newTask) {
        f.eng.with(task(newTask, "Task " + newTask));
        f.mat.with(task(newTask, "Task " + newTask));
        return PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class)));
    }

    private long changeRows(UUID request) {
        return f.d.query("select (select count(*) from push_change where request_id = ?)"
                + " + (select count(*) from push_item_change where request_id = ?)", Long.class, request, request);
    }

    private void finishedDaysAgo(UUID request, int days) {
        f.d.update("update push_request set finished_at = now() - ? * interval '1 day' where id = ?", days, request);
    }

    @Test
    void the_job_purges_only_the_requests_finished_longer_ago_than_the_retention() {
        UUID expired = push("S2");
        UUID recent = push("S3");
        finishedDaysAgo(expired, 31);
        finishedDaysAgo(recent, 29);
        long recentRows = changeRows(recent);
        assertThat(changeRows(expired)).isPositive();
        assertThat(recentRows).isPositive();

        job.purgeAll(Instant.now());

        assertThat(changeRows(expired)).isZero();
        assertThat(changeRows(recent)).isEqualTo(recentRows);
        assertThat(f.inAlpha(() -> store.kept(expired))).isFalse();
        assertThat(f.inAlpha(() -> store.kept(recent))).isTrue();
        assertThat(f.d.query("select changes_purged_at is not null from push_request where id = ?", Boolean.class,
                expired)).isTrue();
    }

    @Test
    void the_purge_works_in_batches_and_a_second_pass_finds_nothing() {
        UUID expired = push("S2");
        finishedDaysAgo(expired, 40);
        long courses = f.d.query("select count(*) from push_change where request_id = ?", Long.class, expired);
        assertThat(courses).isGreaterThan(1);

        PushChangePurge.Purged purged = TenantContext.call("alpha",
                () -> purge.purge(Instant.now().minus(Duration.ofDays(30)), 1));

        assertThat(purged).isEqualTo(new PushChangePurge.Purged(1, courses));
        assertThat(changeRows(expired)).isZero();
        assertThat(TenantContext.call("alpha", () -> purge.purge(Instant.now().minus(Duration.ofDays(30)), 1)))
                .isEqualTo(new PushChangePurge.Purged(0, 0));
    }

    @Test
    void the_purge_also_removes_the_changes_of_a_course_deleted_since_the_push() {
        UUID expired = push("S2");
        finishedDaysAgo(expired, 40);
        // the course goes; its push_change and push_item_change rows stay (V18, V19: no foreign keys)
        f.d.update("delete from section_item where section_id in (select id from section where course_id = ?)",
                f.mat1.id());
        f.d.update("delete from section where course_id = ?", f.mat1.id());
        f.d.update("delete from course_item where course_id = ?", f.mat1.id());
        f.d.update("delete from course where id = ?", f.mat1.id());
        assertThat(f.d.query("select count(*) from push_item_change where request_id = ? and course_id = ?",
                Long.class, expired, f.mat1.id())).as("left by the course").isPositive();
        assertThat(f.d.query("select count(*) from push_change where request_id = ? and course_id = ?",
                Long.class, expired, f.mat1.id())).as("left by the course").isOne();

        TenantContext.call("alpha", () -> purge.purge(Instant.now().minus(Duration.ofDays(30)), 1));

        assertThat(changeRows(expired)).isZero();
    }

    @Test
    void an_unfinished_request_is_never_purged() {
        UUID running = push("S2");
        f.d.update("update push_request set finished_at = null, status = 'RUNNING' where id = ?", running);
        long rows = changeRows(running);

        job.purgeAll(Instant.now().plus(Duration.ofDays(400)));

        assertThat(changeRows(running)).isEqualTo(rows);
        assertThat(f.inAlpha(() -> store.kept(running))).isTrue();
    }
}
