package app.cascade.push.internal;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.LakesideHighFixture;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushRuns;
import app.cascade.push.engine.PushMode;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An undo's chunk locks its courses against edits before it reads them (issue 18): an edit that commits while the
 * chunk runs would otherwise be undone unseen. A course's stamp row is locked when it has one; a course that has
 * none (never stamped, V9) is covered by its course row, which the chunk locks too: the edit's stamp trigger must
 * insert the row, and that insert's foreign key check waits for the course row. Checked against PostgreSQL with a
 * teacher's edit of a section item in another transaction, on a course whose stamp row was removed before the push.
 */
@CascadeIntegrationTest
class UndoChunkLocksIT {

    private static final String TEACHER_EDIT = "update section_item set name = 'Renamed by the teacher'"
            + " where section_id = ? and item_type = 'CATEGORY'";

    @Autowired
    ApplicationContext context;
    @Autowired
    UndoChunkPlanner planner;
    @Autowired
    PushChangeStore changes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** Lakeside High, every catalog lock on. */
    static final class Fixture extends LakesideHighFixture {
        Fixture(DistrictFixture d) {
            super(d);
        }

        Fixture build() {
            buildLakesideHigh(CatalogLock.values());
            return this;
        }
    }

    Fixture f;
    TransactionTemplate tx;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new Fixture(DistrictFixture.in("alpha", context).wipe()).build();
        tx = new TransactionTemplate(transactions);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        TestUsers.signOut();
    }

    /** In district alpha, in a transaction; a pool thread signs in first, as every thread of the app has a user. */
    private <T> T inAlpha(java.util.function.Supplier<T> work) {
        TestUsers.signIn(context, "alpha.push");
        return TenantContext.call("alpha", () -> tx.execute(s -> work.get()));
    }

    /** ENG101's first course, never stamped, changed by an Overwrite of the catalog; returns the push. */
    private UUID pushOfACourseWithNoStampRow() {
        f.eng.with(task("S2", "Semester 2"));
        inAlpha(() -> jdbc.update("delete from course_push_stamp where course_id = ?", f.eng1.id()));
        UUID push = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)));
        assertThat(inAlpha(() -> jdbc.queryForObject("select count(*) from push_change where request_id = ?"
                + " and course_id = ? and content_stamp is null", Long.class, push, f.eng1.id())))
                .as("the push kept the course's changes, with no stamp").isOne();
        return push;
    }

    /**
     * Plans the undo of ENG101's first course in a transaction on its own thread, which stays open until
     * {@code release}: the chunk's locks (if {@code lockRows}) are held meanwhile.
     */
    private CompletableFuture<Void> chunkHeldOpen(UUID push, boolean lockRows, CountDownLatch planned,
                                                  CountDownLatch release) {
        return CompletableFuture.runAsync(() -> inAlpha(() -> {
            planner.plan(push, List.of(f.eng1.id()), lockRows, new PushPhases());
            planned.countDown();
            try {
                assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), threads);
    }

    private CompletableFuture<Integer> teacherEdit() {
        return CompletableFuture.supplyAsync(() -> inAlpha(() -> jdbc.update(TEACHER_EDIT, f.eng1Section1)), threads);
    }

    private boolean teacherEditWaitsForALock() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from pg_stat_activity
                               where wait_event_type = 'Lock' and query like '%Renamed by the teacher%')
                """, Boolean.class));
    }

    @Test
    void an_edit_to_a_course_with_no_stamp_row_waits_for_the_undo_chunk_and_the_undo_then_sees_it() throws Exception {
        UUID push = pushOfACourseWithNoStampRow();
        CountDownLatch planned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> chunk = chunkHeldOpen(push, true, planned, release);
        assertThat(planned.await(60, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> edit = teacherEdit();
        await().atMost(Duration.ofSeconds(30)).until(this::teacherEditWaitsForALock);
        assertThat(edit).as("the edit does not commit while the undo's chunk runs").isNotDone();

        release.countDown();
        chunk.get(60, TimeUnit.SECONDS);
        assertThat(edit.get(60, TimeUnit.SECONDS)).as("it commits after the chunk").isPositive();
        assertThat(inAlpha(() -> changes.changedSince(push, List.of(f.eng1.id()))))
                .as("the next plan of the undo sees the edit").containsExactly(f.eng1.id());
    }

    @Test
    void the_undo_preview_locks_nothing_so_the_same_edit_commits_at_once() throws Exception {
        UUID push = pushOfACourseWithNoStampRow();
        CountDownLatch planned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> preview = chunkHeldOpen(push, false, planned, release);
        assertThat(planned.await(60, TimeUnit.SECONDS)).isTrue();

        assertThat(teacherEdit().get(60, TimeUnit.SECONDS)).as("committed while the preview's transaction is open")
                .isPositive();

        release.countDown();
        preview.get(60, TimeUnit.SECONDS);
    }
}
