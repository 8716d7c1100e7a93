package app.cascade.push;

import app.cascade.ApiClient;
import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.grading.Origin;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReportRow;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.SlowChunkPlanner;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A push leaves a core to the people it shares the node with (decision 0028): while another district's admin uses
 * the API, the node runs one push chunk at a time ({@code cascade.push.while-serving.chunks=1}); once nobody has been
 * served for the window, the push runs its two chunks at once again. Either way the report is the dry run's, and
 * the grades are kept. Each chunk here plans 400 ms longer ({@link SlowChunkPlanner}), so chunks that run at once
 * are seen planning at once.
 */
@CascadeIntegrationTest
@Import(SlowChunkPlanner.Config.class)
@TestPropertySource(properties = {"cascade.push.chunk-size=1", "cascade.push.workers=2",
        "cascade.push.while-serving.chunks=1", "cascade.push.while-serving.window=1s"})
class PushesYieldToPeopleIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
    @Autowired
    PushExecutor executor;
    @Autowired
    PushRequestStore store;
    @Autowired
    SlowChunkPlanner planner;
    @Autowired
    JdbcTemplate jdbc;

    PushFixture f;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
        // a teacher's task with a grade posted on it: kept by every push
        f.eng1.unlinked(task("T9", "Teacher task"), Origin.COURSE);
        f.postedGrade(f.eng1Section1, f.courseItemId(f.eng1.id(), "TASK", "T9"), "Q1");
        planner.reset();
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void while_another_district_is_served_a_push_runs_one_chunk_at_a_time() throws Exception {
        AtomicBoolean pushing = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        // beta's admin lists its pushes every 200 ms for as long as alpha's push runs
        Thread beta = Thread.ofPlatform().start(() -> {
            ApiClient api = new ApiClient(port);
            while (pushing.get()) {
                assertThat(api.get("beta.push", "/api/v1/pushes").getStatusCode().value()).isEqualTo(200);
                served.incrementAndGet();
                sleep(200);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> served.get() > 0);
        try {
            Pushed pushed = push();

            assertThat(pushed.status()).isEqualTo(PushStatus.COMPLETED);
            assertThat(planner.peak()).as("chunks planning at once while beta is served").isEqualTo(1);
            assertThat(pushed.report()).isEqualTo(pushed.planned());
        } finally {
            pushing.set(false);
            beta.join(10_000);
        }
        assertThat(served.get()).as("beta was served all along").isGreaterThan(1);
    }

    @Test
    void once_nobody_is_served_a_push_runs_its_two_chunks_at_once() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !planner.nodeServing());

        Pushed pushed = push();

        assertThat(pushed.status()).isEqualTo(PushStatus.COMPLETED);
        assertThat(planner.peak()).as("chunks planning at once while nobody is served").isEqualTo(2);
        assertThat(pushed.report()).isEqualTo(pushed.planned());
    }

    /** The catalog's Overwrite + sections: its dry run, then the push itself. */
    private Pushed push() {
        List<Map<String, Object>> grades = grades();
        PushCommand command = PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class));
        List<ReportRow> planned = pushes.preview(command).rows();
        UUID request = f.inAlpha(() -> store.create(command, "alpha.push", PushStatus.QUEUED, Instant.now()));
        PushStatus status = TenantContext.call("alpha", () -> executor.execute(request, done -> {
        }));
        assertThat(grades()).as("every posted grade kept").hasSize(1).isEqualTo(grades);
        return new Pushed(status, planned, pushes.reportRows(request));
    }

    private List<Map<String, Object>> grades() {
        return f.inAlpha(() -> jdbc.queryForList("select * from posted_grade order by id"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pushed(PushStatus status, List<ReportRow> planned, List<ReportRow> report) {
    }
}
