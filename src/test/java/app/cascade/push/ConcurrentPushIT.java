package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.grading.Origin;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8, concurrency: two requests for one catalog submitted at the same instant run one after the other and end
 * exactly as if applied sequentially; pushes in two districts at once each touch only their own schema.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.chunk-size=2")
class ConcurrentPushIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushService pushes;
    @Autowired
    PushExecutor executor;
    @Autowired
    PushRequestStore store;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    JdbcTemplate jdbc;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        TestUsers.signOut();
    }

    /**
     * PushFixture's district with work for both kinds of push: a new task on both masters, a course-created category
     * (kept by Push locked data, deleted by Overwrite) and a teacher category with an assignment in a section (kept by
     * Push locked data, kept as residual by Overwrite).
     */
    private PushFixture district(String id) {
        PushFixture f = new PushFixture(context, id).build();
        f.eng.with(task("S2", "Semester 2"));
        f.mat.with(task("S2", "Semester 2"), category("Homework", "50"));
        f.eng1.unlinked(category("Projects", "5"), Origin.COURSE);
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin) values (?, ?,"
                + " 'CATEGORY', 'Labs', 10, 'TEACHER')", UUID.randomUUID(), f.eng1Section1);
        f.assignment(f.eng1Section1, f.sectionItemId(f.eng1Section1, "CATEGORY", "labs"), null);
        return f;
    }

    private static PushCommand lockedToSections(PushFixture f) {
        return PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true, EnumSet.allOf(LockType.class));
    }

    private static PushCommand overwriteCourses(PushFixture f) {
        return PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, false,
                EnumSet.of(LockType.TASKS_STANDARDS, LockType.CATEGORIES, LockType.COURSE_INFO));
    }

    /**
     * The district's courses, course items, section items and assignments as sorted text with no generated id (nor
     * the fixture's random assignment names): links are named by what they point at, so two districts built the same
     * way and pushed the same way dump the same.
     */
    private List<String> dump(PushFixture f) {
        List<String> rows = new ArrayList<>(f.inAlpha(() -> jdbc.queryForList("""
                select row('course', y.code, c.number, c.name, c.state_code, c.department, c.credits, c.gpa_weight,
                           c.description, m.number, c.ignore_master_push)::text
                from course c join calendar cal on cal.id = c.calendar_id
                join school_year y on y.id = cal.school_year_id left join course_master m on m.id = c.master_id
                union all
                select row('course_item', y.code, c.number, ci.item_type, ci.match_key, ci.code, ci.name,
                           ci.task_code, ci.term_code, ci.weight, ci.seq, ci.calc_method, ci.rounding, ci.parts,
                           ci.origin, ci.residual, ci.forced_no_calc,
                           case when ci.master_item_id is null then 'unlinked'
                                else coalesce(m.number || ' ' || mi.item_type || ' ' || mi.match_key, 'gone') end)::text
                from course_item ci join course c on c.id = ci.course_id join calendar cal on cal.id = c.calendar_id
                join school_year y on y.id = cal.school_year_id
                left join master_item mi on mi.id = ci.master_item_id left join course_master m on m.id = mi.master_id
                union all
                select row('section_item', y.code, c.number, s.number, si.item_type, si.match_key, si.code, si.name,
                           si.task_code, si.term_code, si.weight, si.seq, si.calc_method, si.rounding, si.parts,
                           si.origin, si.residual, si.forced_no_calc,
                           case when si.course_item_id is null then 'unlinked'
                                else coalesce(ci.item_type || ' ' || ci.match_key, 'gone') end)::text
                from section_item si join section s on s.id = si.section_id join course c on c.id = s.course_id
                join calendar cal on cal.id = c.calendar_id join school_year y on y.id = cal.school_year_id
                left join course_item ci on ci.id = si.course_item_id
                union all
                select row('assignment', c.number, s.number, cat.item_type, cat.match_key, cat.residual,
                           (select count(*) from score x where x.assignment_id = a.id),
                           (select count(*) from assignment_comment x where x.assignment_id = a.id))::text
                from assignment a join section s on s.id = a.section_id join course c on c.id = s.course_id
                left join section_item cat on cat.id = a.category_item_id
                """, String.class)));
        Collections.sort(rows);
        return rows;
    }

    /** A request's report rows, without ids, in the order written. */
    private List<String> report(PushFixture f, UUID request) {
        return f.inAlpha(() -> jdbc.queryForList("""
                select row(course_number, section, data_type, item, outcome, reason, assignments, scores,
                           posted_grades, comments, message)::text
                from push_report_row where request_id = ? order by id""", String.class, request));
    }

    private PushRequestView view(PushFixture f, UUID id) {
        return f.inAlpha(() -> store.find(id).orElseThrow());
    }

    private UUID pushAs(String user, PushCommand command) {
        TestUsers.signIn(context, user);
        try {
            return PushRuns.of(context).run(command);
        } finally {
            TestUsers.signOut();
        }
    }

    private UUID submitAfter(CyclicBarrier barrier, PushCommand command) {
        TestUsers.signIn(context, "alpha.push");
        try {
            barrier.await(30, TimeUnit.SECONDS);
            return requests.submit(command, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    void two_requests_for_one_catalog_submitted_at_the_same_instant_run_one_after_the_other_as_if_sequential()
            throws Exception {
        PushFixture f = district("alpha");
        PushCommand locked = lockedToSections(f);
        PushCommand overwrite = overwriteCourses(f);
        CyclicBarrier barrier = new CyclicBarrier(2);
        CompletableFuture<UUID> first = CompletableFuture.supplyAsync(() -> submitAfter(barrier, locked), threads);
        CompletableFuture<UUID> second = CompletableFuture.supplyAsync(() -> submitAfter(barrier, overwrite),
                threads);
        UUID lockedId = first.get(60, TimeUnit.SECONDS);
        UUID overwriteId = second.get(60, TimeUnit.SECONDS);

        // JobRunr (two workers) runs both; the catalog's advisory lock makes one wait for the other
        await().atMost(Duration.ofSeconds(120)).until(() -> view(f, lockedId).status().isFinal()
                && view(f, overwriteId).status().isFinal());
        PushRequestView a = view(f, lockedId);
        PushRequestView b = view(f, overwriteId);
        assertThat(a.status()).isEqualTo(PushStatus.COMPLETED);
        assertThat(b.status()).isEqualTo(PushStatus.COMPLETED);
        boolean lockedFirst = a.startedAt().isBefore(b.startedAt());
        PushRequestView earlier = lockedFirst ? a : b;
        PushRequestView later = lockedFirst ? b : a;
        assertThat(earlier.finishedAt()).as("RUNNING intervals do not overlap")
                .isBeforeOrEqualTo(later.startedAt());
        List<String> concurrent = dump(f);
        List<String> concurrentReports = new ArrayList<>(report(f, earlier.id()));
        concurrentReports.addAll(report(f, later.id()));

        // the same district, fresh, with the same two pushes one after the other in the order they ran
        PushFixture g = district("alpha");
        List<PushCommand> order = lockedFirst ? List.of(lockedToSections(g), overwriteCourses(g))
                : List.of(overwriteCourses(g), lockedToSections(g));
        List<String> sequentialReports = new ArrayList<>();
        for (PushCommand command : order) {
            sequentialReports.addAll(report(g, pushAs("alpha.push", command)));
        }
        assertThat(concurrent).isEqualTo(dump(g));
        assertThat(concurrentReports).isEqualTo(sequentialReports);
        // and the pushes did change the district (the comparison is not between two untouched districts)
        assertThat(dump(district("alpha"))).isNotEqualTo(concurrent);
    }

    /** Row counts of every table of a district's schema, read with no district bound. */
    private Map<String, Long> rowCounts(String district) {
        String schema = tenants.require(district).schema();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("""
                select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'
                order by 1""", String.class, schema)) {
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + schema + "\".\"" + table + "\"",
                    Long.class));
        }
        assertThat(counts).containsKeys("course", "course_item", "section_item", "push_request", "push_report_row");
        return counts;
    }

    private UUID stored(PushFixture f, String user) {
        return f.inAlpha(() -> store.create(overwriteToSections(f), user, PushStatus.QUEUED, Instant.now()));
    }

    private static PushCommand overwriteToSections(PushFixture f) {
        return PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true, EnumSet.allOf(LockType.class));
    }

    private PushStatus execute(String district, UUID request, IntConsumer progress) {
        return TenantContext.call(district, () -> executor.execute(request, progress));
    }

    @Test
    void pushes_in_two_districts_at_once_both_complete_and_each_touches_only_its_own_schema() throws Exception {
        // alone first: a push in one district leaves every table of the other with the same row count
        PushFixture alpha = district("alpha");
        PushFixture beta = district("beta");
        Map<String, Long> alphaBefore = rowCounts("alpha");
        Map<String, Long> betaBefore = rowCounts("beta");
        assertThat(execute("alpha", stored(alpha, "alpha.push"), done -> {
        })).isEqualTo(PushStatus.COMPLETED);
        assertThat(rowCounts("beta")).isEqualTo(betaBefore);
        Map<String, Long> alphaAlone = rowCounts("alpha");
        List<String> alphaAloneDump = dump(alpha);
        assertThat(alphaAlone).isNotEqualTo(alphaBefore);
        assertThat(execute("beta", stored(beta, "beta.push"), done -> {
        })).isEqualTo(PushStatus.COMPLETED);
        assertThat(rowCounts("alpha")).isEqualTo(alphaAlone);
        Map<String, Long> betaAlone = rowCounts("beta");
        List<String> betaAloneDump = dump(beta);

        // then both at once, on the same fresh data: each pauses after its first chunk until the other has reached
        // its own, so both are provably running at the same time
        alpha = district("alpha");
        beta = district("beta");
        assertThat(rowCounts("alpha")).isEqualTo(alphaBefore);
        assertThat(rowCounts("beta")).isEqualTo(betaBefore);
        UUID alphaRequest = stored(alpha, "alpha.push");
        UUID betaRequest = stored(beta, "beta.push");
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        IntConsumer meet = done -> {
            if (done == 2) {
                try {
                    bothRunning.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other district's push did not reach its first chunk", e);
                }
            }
        };
        CompletableFuture<PushStatus> alphaRun = CompletableFuture.supplyAsync(
                () -> execute("alpha", alphaRequest, meet), threads);
        CompletableFuture<PushStatus> betaRun = CompletableFuture.supplyAsync(
                () -> execute("beta", betaRequest, meet), threads);

        assertThat(alphaRun.get(120, TimeUnit.SECONDS)).isEqualTo(PushStatus.COMPLETED);
        assertThat(betaRun.get(120, TimeUnit.SECONDS)).isEqualTo(PushStatus.COMPLETED);
        // each district ends exactly as when pushed alone: nothing of the other push reached it
        assertThat(rowCounts("alpha")).isEqualTo(alphaAlone);
        assertThat(rowCounts("beta")).isEqualTo(betaAlone);
        assertThat(dump(alpha)).isEqualTo(alphaAloneDump);
        assertThat(dump(beta)).isEqualTo(betaAloneDump);
        PushFixture a = alpha;
        PushFixture b = beta;
        assertThat(a.inAlpha(() -> jdbc.queryForList("select id from push_request", UUID.class)))
                .containsExactly(alphaRequest);
        assertThat(b.inAlpha(() -> jdbc.queryForList("select id from push_request", UUID.class)))
                .containsExactly(betaRequest);
        assertThat(a.inAlpha(() -> jdbc.queryForList("select distinct request_id from push_report_row", UUID.class)))
                .containsExactly(alphaRequest);
        assertThat(b.inAlpha(() -> jdbc.queryForList("select distinct request_id from push_report_row", UUID.class)))
                .containsExactly(betaRequest);
    }
}
