package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** How requests run: resumable after a crash, one at a time per catalog, dry runs that write nothing, roles. */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.chunk-size=2")
class PushExecutionIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushExecutor executor;
    @Autowired
    PushRequestStore store;
    @Autowired
    JdbcTemplate jdbc;

    PushFixture f;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
        f.eng.with(task("S2", "Semester 2"));
        f.mat.with(task("S2", "Semester 2"));
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private UUID stored(PushMode mode) {
        PushCommand command = PushCommand.catalog(f.catalog, f.current, mode, true, EnumSet.allOf(LockType.class));
        return f.inAlpha(() -> store.create(command, "alpha.push", PushStatus.QUEUED, Instant.now()));
    }

    private PushRequestView view(UUID id) {
        return f.inAlpha(() -> store.find(id).orElseThrow());
    }

    @Test
    void a_request_interrupted_after_its_first_chunk_resumes_with_the_rest_and_writes_no_duplicate() {
        UUID interrupted = stored(PushMode.OVERWRITE);
        PushChangesDiff.Snapshot start = PushChangesDiff.snapshot(f);
        assertThatThrownBy(() -> TenantContext.run("alpha", () -> executor.execute(interrupted, done -> {
            if (done >= 2) {
                throw new IllegalStateException("simulated crash after the first chunk");
            }
        }))).hasMessageContaining("simulated crash");
        assertThat(view(interrupted).status()).isEqualTo(PushStatus.RUNNING);
        assertThat(view(interrupted).coursesDone()).isEqualTo(2);

        PushStatus status = TenantContext.call("alpha", () -> executor.execute(interrupted, done -> {
        }));
        List<String> resumedState = f.snapshot();
        List<ReportRow> resumedRows = pushes.reportRows(interrupted);

        assertThat(status).isEqualTo(PushStatus.COMPLETED);
        assertThat(f.inAlpha(() -> jdbc.queryForObject(
                "select count(*) from push_course_result where request_id = ?", Long.class, interrupted)))
                .isEqualTo(3);
        assertThat(f.inAlpha(() -> jdbc.queryForObject("""
                select count(*) from (select course_id, match_key from course_item where item_type = 'TASK'
                group by course_id, match_key having count(*) > 1) duplicates""", Long.class))).isZero();
        // the changes it kept (issue 18) are those of both runs, once each: exactly what it changed
        assertThat(PushChangesDiff.kept(f, interrupted))
                .isEqualTo(PushChangesDiff.expected(start, PushChangesDiff.snapshot(f)))
                .contains("course " + f.eng1.id(), "course " + f.mat1.id());
        // a clean run of the same push on the result changes nothing: the resumed run converged
        UUID again = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)));
        assertThat(f.snapshot()).isEqualTo(resumedState);
        assertThat(pushes.reportRows(again)).extracting(ReportRow::reason).doesNotContain(ReasonCode.RELINKED);
        assertThat(resumedRows).extracting(ReportRow::reason).doesNotHaveDuplicates();
        // and running the finished request once more is a no-op
        TenantContext.run("alpha", () -> executor.execute(interrupted, done -> {
        }));
        assertThat(pushes.reportRows(interrupted)).isEqualTo(resumedRows);
    }

    @Test
    void chunks_run_on_two_workers_yet_commit_in_order_with_the_report_of_a_sequential_plan() {
        // a course-created task with a posted grade in a course of each chunk: kept as residual, reported per course
        f.eng1.unlinked(task("T9", "Teacher task"), app.cascade.grading.Origin.COURSE);
        f.mat1.unlinked(task("T9", "Teacher task"), app.cascade.grading.Origin.COURSE);
        f.postedGrade(f.eng1Section1, f.courseItemId(f.eng1.id(), "TASK", "T9"), "Q1");
        long matSection = f.inAlpha(() -> jdbc.queryForObject("select id from section where course_id = ?",
                Long.class, f.mat1.id()));
        f.postedGrade(matSection, f.courseItemId(f.mat1.id(), "TASK", "T9"), "Q1");
        PushCommand command = PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class));
        // the dry run plans the chunks one after the other: the report rows in the order a sequential run writes them
        List<ReportRow> planned = pushes.preview(command).rows();
        UUID request = f.inAlpha(() -> store.create(command, "alpha.push", PushStatus.QUEUED, Instant.now()));
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

        PushStatus status = TenantContext.call("alpha", () -> executor.execute(request,
                done -> progress.add(done + " on " + Thread.currentThread().getName())));

        assertThat(status).isEqualTo(PushStatus.COMPLETED);
        // 3 courses in chunks of 2: progress reported once at the start, then after each chunk's commit, in order,
        // by the workers that ran the chunks
        assertThat(progress).hasSize(3);
        assertThat(progress.get(1)).startsWith("2 on push-" + request.toString().substring(0, 8));
        assertThat(progress.get(2)).startsWith("3 on push-" + request.toString().substring(0, 8));
        assertThat(planned).extracting(ReportRow::courseNumber).containsSubsequence("ENG101", "MAT101");
        assertThat(pushes.reportRows(request)).isEqualTo(planned);
    }

    @Test
    void two_requests_for_one_catalog_never_run_at_the_same_time() throws Exception {
        UUID first = stored(PushMode.PUSH_LOCKED);
        UUID second = stored(PushMode.OVERWRITE);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<PushStatus> firstRun = CompletableFuture.supplyAsync(() -> TenantContext.call("alpha",
                () -> executor.execute(first, done -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })), threads);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (firstRun.isCompletedExceptionally()) {
                firstRun.join();
            }
            return view(first).status() == PushStatus.RUNNING;
        });
        CompletableFuture<PushStatus> secondRun = CompletableFuture.supplyAsync(() -> TenantContext.call("alpha",
                () -> executor.execute(second, done -> {
                })), threads);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted", Long.class) > 0);
        assertThat(view(second).status()).isEqualTo(PushStatus.QUEUED);
        release.countDown();

        assertThat(firstRun.get(60, TimeUnit.SECONDS)).isEqualTo(PushStatus.COMPLETED);
        assertThat(secondRun.get(60, TimeUnit.SECONDS)).isEqualTo(PushStatus.COMPLETED);
        PushRequestView a = view(first);
        PushRequestView b = view(second);
        assertThat(b.startedAt()).isAfterOrEqualTo(a.finishedAt());
        threads.shutdown();
    }

    @Test
    void a_dry_run_reports_per_course_changes_and_writes_nothing() {
        List<String> before = f.snapshot();
        long requests = f.inAlpha(() -> jdbc.queryForObject("select count(*) from push_request", Long.class));

        PushPreview preview = pushes.preview(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class)));

        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(f.inAlpha(() -> jdbc.queryForObject("select count(*) from push_request", Long.class)))
                .isEqualTo(requests);
        assertThat(preview.courses()).extracting(CoursePreview::courseNumber)
                .containsExactlyInAnyOrder("ENG101", "ENG101-B", "MAT101");
        assertThat(preview.courses()).allSatisfy(c -> assertThat(c.counts().created()).isEqualTo(1));
        assertThat(preview.totals().created()).isEqualTo(3);

        UUID real = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class)));
        assertThat(f.inAlpha(() -> jdbc.queryForList("select created from push_course_result where request_id = ?",
                Integer.class, real))).containsOnly(1);
    }

    @Test
    void bad_settings_are_refused_naming_the_field() {
        assertThatThrownBy(() -> requests.submit(PushCommand.catalog(999_999, f.current, PushMode.PUSH_LOCKED,
                false, EnumSet.allOf(LockType.class)), null))
                .isInstanceOf(PushValidationException.class).hasMessageContaining("catalog")
                .extracting(e -> ((PushValidationException) e).field()).isEqualTo("catalogId");
        assertThatThrownBy(() -> requests.submit(PushCommand.catalog(f.catalog, 999_999, PushMode.PUSH_LOCKED,
                false, EnumSet.allOf(LockType.class)), null))
                .extracting(e -> ((PushValidationException) e).field()).isEqualTo("schoolYearId");
        assertThatThrownBy(() -> requests.submit(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED,
                false, EnumSet.noneOf(LockType.class)), null))
                .extracting(e -> ((PushValidationException) e).field()).isEqualTo("types");
    }

    @Test
    void a_viewer_or_district_admin_cannot_push_or_preview() {
        PushCommand command = PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class));
        for (String user : List.of("alpha.viewer", "alpha.admin", "support")) {
            TestUsers.signIn(context, user);
            assertThatThrownBy(() -> requests.submit(command, null)).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> pushes.preview(command)).as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(f.inAlpha(() -> jdbc.queryForObject("select count(*) from push_request", Long.class))).isZero();
    }

    @Test
    void another_districts_request_is_not_found() {
        UUID alphaRequest = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)));
        TestUsers.signIn(context, "beta.push");
        assertThatThrownBy(() -> pushes.request(alphaRequest)).isInstanceOf(PushNotFoundException.class);
        assertThatThrownBy(() -> pushes.reportRows(alphaRequest)).isInstanceOf(PushNotFoundException.class);
    }

}
