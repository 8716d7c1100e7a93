package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.reports.AwaitingPushRow;
import app.cascade.reports.AwaitingPushService;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static app.cascade.grading.ItemType.ASSESSMENT;
import static app.cascade.grading.ItemType.CATEGORY;
import static app.cascade.grading.ItemType.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Issue 8, "edits during a push": a DISTRICT_ADMIN edits masters while their push runs. The push works on the masters
 * as they were when it started (docs/decisions/0006-push-master-snapshot.md), and the edits show on the Awaiting Push
 * report afterwards. With two courses per chunk, ENG101's two courses form the first chunk and MAT101's course the
 * second; the edits are made, in another thread, exactly between the two chunks (the executor's progress callback
 * runs after each committed chunk), so no timing is involved.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.chunk-size=2")
class EditsDuringPushIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushExecutor executor;
    @Autowired
    PushRequestStore store;
    @Autowired
    PushService pushes;
    @Autowired
    CourseMasterEditService masters;
    @Autowired
    AwaitingPushService awaiting;
    @Autowired
    JdbcTemplate jdbc;

    PushFixture f;
    final ExecutorService admin = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        TestUsers.signIn(context, "alpha.admin");
        // made before the push: pushed by it, so no longer awaiting afterwards
        masters.addItem(f.mat.id(), TASK, ItemEdit.task("S2", "Semester 2"));
        masters.updateItem(f.eng.itemId(TASK, "Q3"), ItemEdit.task("Q3", "Third quarter"));
        TestUsers.signIn(context, "alpha.push");
    }

    @AfterEach
    void tearDown() {
        admin.shutdownNow();
        TestUsers.signOut();
    }

    private UUID stored() {
        PushCommand command = PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class));
        return f.inAlpha(() -> store.create(command, "alpha.push", PushStatus.QUEUED, Instant.now()));
    }

    /** alpha.admin edits both masters in another thread (their own session), and this thread waits for it. */
    private void adminEditsTheMasters() {
        UUID s1 = f.mat.itemId(TASK, "S1");
        UUID tests = f.mat.itemId(CATEGORY, "tests");
        CompletableFuture.runAsync(() -> {
            TestUsers.signIn(context, "alpha.admin");
            try {
                masters.updateItem(s1, ItemEdit.task("S1", "Semester 1 (edited)"));
                masters.addItem(f.mat.id(), TASK, ItemEdit.task("S3", "Semester 3"));
                masters.removeItem(tests);
                masters.updateInfo(f.mat.id(), CatalogLock.NAME, "Algebra I (edited)");
                masters.addItem(f.eng.id(), ASSESSMENT, ItemEdit.assessment("A2", "Midterm"));
            } finally {
                TestUsers.signOut();
            }
        }, admin).orTimeout(60, TimeUnit.SECONDS).join();
    }

    private PushStatus execute(UUID request, java.util.function.IntConsumer progress) {
        return TenantContext.call("alpha", () -> executor.execute(request, progress));
    }

    private List<String> items(long courseId) {
        return f.courseItems(courseId).stream().map(r -> r.get("item_type") + " " + r.get("match_key") + " "
                + r.get("name")).toList();
    }

    private String courseName(long courseId) {
        return f.d.query("select name from course where id = ?", String.class, courseId);
    }

    private long snapshotRows(UUID request) {
        return f.inAlpha(() -> jdbc.queryForObject("""
                select (select count(*) from push_master_snapshot where request_id = ?)
                     + (select count(*) from push_master_item_snapshot where request_id = ?)""", Long.class,
                request, request));
    }

    /** Every course got the masters as they were at the start; none got an edit made during the push. */
    private void assertPushedTheMastersAsAtTheStart(UUID tests) {
        assertThat(items(f.mat1.id())).contains("TASK S1 Semester 1", "TASK S2 Semester 2", "CATEGORY tests Tests")
                .noneMatch(i -> i.contains("edited") || i.startsWith("TASK S3"));
        assertThat(f.courseItems(f.mat1.id())).filteredOn(r -> "tests".equals(r.get("match_key")))
                .extracting(r -> r.get("master_item_id")).containsExactly(tests);
        assertThat(courseName(f.mat1.id())).isEqualTo("Algebra I");
        for (long eng : List.of(f.eng1.id(), f.eng2.id())) {
            assertThat(items(eng)).contains("TASK Q3 Third quarter").noneMatch(i -> i.startsWith("ASSESSMENT A2"));
        }
    }

    private void assertTheEditsAwaitThePush() {
        TestUsers.signIn(context, "alpha.viewer");
        assertThat(awaiting.awaiting(f.catalog)).extracting(AwaitingPushRow::masterNumber, AwaitingPushRow::item,
                AwaitingPushRow::change, AwaitingPushRow::changedBy).containsExactly(
                tuple("ENG101", "A2", "ADDED", "Alpha Admin"),
                tuple("MAT101", "S1", "MODIFIED", "Alpha Admin"),
                tuple("MAT101", "S3", "ADDED", "Alpha Admin"),
                tuple("MAT101", "Tests", "REMOVED", "Alpha Admin"));
        TestUsers.signIn(context, "alpha.push");
    }

    @Test
    void edits_made_while_a_push_runs_reach_no_course_and_await_the_next_push() {
        UUID tests = f.mat.itemId(CATEGORY, "tests");
        UUID request = stored();
        List<Integer> progress = new java.util.ArrayList<>();

        PushStatus status = execute(request, done -> {
            progress.add(done);
            if (done == 2) {
                adminEditsTheMasters();
            }
        });

        assertThat(status).isEqualTo(PushStatus.COMPLETED);
        assertThat(progress).containsExactly(0, 2, 3);
        assertPushedTheMastersAsAtTheStart(tests);
        // the section copies come from the course, which had the snapshot's Tests category
        assertThat(f.sectionItems(f.inAlpha(() -> jdbc.queryForObject(
                "select id from section where course_id = ?", Long.class, f.mat1.id()))))
                .extracting(r -> r.get("match_key")).contains("tests");
        assertThat(snapshotRows(request)).as("the snapshot is deleted when the request ends").isZero();
        assertTheEditsAwaitThePush();

        // the next push brings the edits, and nothing awaits any more
        PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)));
        assertThat(items(f.mat1.id())).contains("TASK S1 Semester 1 (edited)", "TASK S3 Semester 3")
                .noneMatch(i -> i.startsWith("CATEGORY tests"));
        assertThat(courseName(f.mat1.id())).isEqualTo("Algebra I (edited)");
        assertThat(items(f.eng1.id())).contains("ASSESSMENT A2 Midterm");
        TestUsers.signIn(context, "alpha.viewer");
        assertThat(awaiting.awaiting(f.catalog)).isEmpty();
    }

    @Test
    void a_request_resumed_after_a_crash_keeps_the_snapshot_of_its_first_start() {
        UUID tests = f.mat.itemId(CATEGORY, "tests");
        UUID request = stored();
        assertThatThrownBy(() -> execute(request, done -> {
            if (done == 2) {
                adminEditsTheMasters();
                throw new IllegalStateException("simulated crash after the first chunk");
            }
        })).hasMessageContaining("simulated crash");
        Instant firstStart = f.inAlpha(() -> store.find(request).orElseThrow().startedAt());
        assertThat(snapshotRows(request)).isPositive();

        assertThat(execute(request, done -> {
        })).isEqualTo(PushStatus.COMPLETED);

        assertThat(f.inAlpha(() -> store.find(request).orElseThrow().startedAt())).isEqualTo(firstStart);
        assertPushedTheMastersAsAtTheStart(tests);
        assertThat(snapshotRows(request)).isZero();
        assertTheEditsAwaitThePush();
    }

    @Test
    void a_request_submitted_earlier_pushes_the_masters_as_they_are_when_it_starts() {
        UUID request = stored();
        adminEditsTheMasters();

        assertThat(execute(request, done -> {
        })).isEqualTo(PushStatus.COMPLETED);

        assertThat(items(f.mat1.id())).contains("TASK S1 Semester 1 (edited)", "TASK S3 Semester 3")
                .noneMatch(i -> i.startsWith("CATEGORY tests"));
        assertThat(courseName(f.mat1.id())).isEqualTo("Algebra I (edited)");
        TestUsers.signIn(context, "alpha.viewer");
        assertThat(awaiting.awaiting(f.catalog)).isEmpty();
    }

    @Test
    void an_edit_still_uncommitted_when_a_push_starts_is_waited_for_so_it_is_pushed_and_not_left_awaiting() {
        // the admin's edit transaction has changed an item but not committed when the push starts: the snapshot
        // waits for it (ShareLock), so the copy holds the edit, and the change, stamped before the push's start,
        // is not listed as awaiting: the report and the push agree
        UUID request = stored();
        UUID s1 = f.mat.itemId(TASK, "S1");
        java.util.concurrent.CountDownLatch edited = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        CompletableFuture<Void> edit = CompletableFuture.runAsync(() -> {
            TestUsers.signIn(context, "alpha.admin");
            try {
                transactions.executeWithoutResult(s -> {
                    masters.updateItem(s1, ItemEdit.task("S1", "Semester 1 (edited)"));
                    edited.countDown();
                    await(commit);
                });
            } finally {
                TestUsers.signOut();
            }
        }, admin);
        await(edited);
        CompletableFuture<PushStatus> push = CompletableFuture.supplyAsync(() -> execute(request, done -> {
        }));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from pg_locks where locktype = 'relation' and mode = 'ShareLock' and not granted",
                Long.class) > 0);
        commit.countDown();
        edit.orTimeout(60, TimeUnit.SECONDS).join();

        assertThat(push.orTimeout(60, TimeUnit.SECONDS).join()).isEqualTo(PushStatus.COMPLETED);
        assertThat(items(f.mat1.id())).contains("TASK S1 Semester 1 (edited)");
        TestUsers.signIn(context, "alpha.viewer");
        assertThat(awaiting.awaiting(f.catalog)).isEmpty();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
