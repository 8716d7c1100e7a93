package app.cascade.bench;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.push.PushCommand;
import app.cascade.push.PushPreview;
import app.cascade.push.PushService;
import app.cascade.push.PushStatus;
import app.cascade.push.engine.DataType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.PushRequestView;
import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.Locks;
import app.cascade.push.engine.PushOptions;
import app.cascade.push.engine.PushPlanner;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.PushLoader;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push benchmark (not a test: run only with {@code ./mvnw -Pbench verify -Dsize=S}; sizes S, M, L or a
 * comma-separated list). Generates a synthetic district in {@code alpha}, then calls the executor directly under
 * {@code TenantContext} (no JobRunr polling) and measures wall time, rows changed, rows/s and peak heap for: the dry
 * run, Push locked data, Overwrite with push to sections, and a second identical Overwrite. It compares each with the
 * "floor": the same numbers of rows inserted, updated and deleted by single set-based statements. Prints a table and
 * writes target/bench/bench-&lt;size&gt;.json. Nothing here asserts on time; the only assertion is a correctness
 * check: the second identical push changes no row.
 */
@CascadeIntegrationTest
class PushBenchmark {

    private static final String DISTRICT = "alpha";
    /** The target: Overwrite with sections on L at most 2.0x the floor. */
    private static final double TARGET_RATIO = 2.0;
    private static final List<String> SNAPSHOT_TABLES = List.of("course", "course_item", "section", "section_item",
            "assignment", "score", "assignment_comment", "posted_grade", "master_item");

    @Autowired
    ApplicationContext context;
    @Autowired
    PushExecutor executor;
    @Autowired
    PushRequestStore store;
    @Autowired
    PushService pushes;
    @Autowired
    PushLoader loader;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** One measured run. */
    public record Measurement(String name, double seconds, long created, long updated, long deleted,
                              long rowsChanged, double rowsPerSecond, long peakHeapMb, long heapAfterGcMb,
                              Double floorSeconds, Double engineOverFloor, String note) {
    }

    /** One size's results, as written to JSON. */
    public record Result(String size, Instant at, String machine, Map<String, Long> dataset, double generateSeconds,
                         List<Measurement> runs, String target, String verdict,
                         Map<String, Double> overwritePhasesSeconds) {
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void benchmark() {
        String sizes = System.getProperty("size", "S");
        for (String name : sizes.split(",")) {
            if (!name.isBlank()) {
                run(DistrictGenerator.Size.parse(name));
            }
        }
    }

    private void run(DistrictGenerator.Size size) {
        TestUsers.signIn(context, "alpha.push");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long t0 = System.nanoTime();
        DistrictGenerator.District district = inDistrict(() -> tx.execute(
                s -> new DistrictGenerator(jdbc).generate(size)));
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        // outside a transaction, so no district schema is bound: VACUUM without a table list covers every table
        jdbc.execute("vacuum analyze");
        System.out.printf(Locale.ROOT, "%nGenerated district %s in %.1f s: %s%n", size, generateSeconds,
                district.rowCounts());

        EnumSet<DataType> all = EnumSet.allOf(DataType.class);
        PushCommand locked = PushCommand.catalog(district.catalogId(), district.schoolYearId(),
                PushMode.PUSH_LOCKED, false, all);
        PushCommand overwrite = PushCommand.catalog(district.catalogId(), district.schoolYearId(),
                PushMode.OVERWRITE, true, all);

        List<Measurement> runs = new ArrayList<>();
        // (d) the dry run, first, while the district still has all the work to do: load + plan, no writes
        runs.add(dryRun("dry run: preview Overwrite+sections", overwrite));
        // (a) Push locked data (course level)
        runs.add(withFloor(push("Push locked data", locked)));
        // the dry run of the Overwrite now: its load + plan share of the next run
        Measurement overwritePlan = dryRun("dry run: preview Overwrite+sections (before b)", overwrite);
        runs.add(overwritePlan);
        Map<String, Double> phases = phases(overwrite);
        // (b) Overwrite with push to sections
        Measurement b = withFloor(push("Overwrite + push to sections", overwrite));
        runs.add(b);
        // (c) a second identical push must write nothing
        Map<String, String> before = snapshot();
        Measurement c = push("Overwrite + sections, again (idempotent)", overwrite);
        Map<String, String> after = snapshot();
        assertThat(after).as("the second identical push changes no row").isEqualTo(before);
        assertThat(c.rowsChanged()).as("the second identical push reports no change").isZero();
        runs.add(c);

        double ratio = b.engineOverFloor() == null ? Double.NaN : b.engineOverFloor();
        String verdict = size == DistrictGenerator.Size.L
                ? (ratio <= TARGET_RATIO ? "PASS" : "FAIL")
                : "n/a at size " + size + " (target is defined on L); here " + (ratio <= TARGET_RATIO ? "within"
                : "above") + " 2.0x";
        Result result = new Result(size.name(), Instant.now(), machine(), district.rowCounts(), generateSeconds, runs,
                "Overwrite with push to sections on L <= " + TARGET_RATIO + "x floor", verdict, phases);
        print(result, b);
        write(result);
    }

    private Measurement push(String name, PushCommand command) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        UUID id = inDistrict(() -> tx.execute(s -> store.create(command, "alpha.push", PushStatus.QUEUED,
                Instant.now())));
        Heap heap = Heap.start();
        long t0 = System.nanoTime();
        PushStatus status = inDistrict(() -> executor.execute(id, done -> {
        }));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Heap.Reading h = heap.stop();
        Map<String, Object> sums = inDistrictTx(() -> jdbc.queryForMap("""
                select coalesce(sum(created), 0) created, coalesce(sum(updated), 0) updated,
                       coalesce(sum(deleted), 0) deleted, coalesce(sum(info_fields), 0) info,
                       count(*) filter (where outcome = 'DESYNCED') desynced,
                       count(*) filter (where outcome = 'SKIPPED') skipped,
                       count(*) filter (where outcome = 'ERROR') errors,
                       (select count(*) from push_report_row r where r.request_id = ?) report_rows
                from push_course_result where request_id = ?""", id, id));
        long created = ((Number) sums.get("created")).longValue();
        long updated = ((Number) sums.get("updated")).longValue();
        long deleted = ((Number) sums.get("deleted")).longValue();
        long info = ((Number) sums.get("info")).longValue();
        long changed = created + updated + deleted;
        String note = "%s; courses desynced %s, skipped %s, error %s; report rows %s; course info fields %d"
                .formatted(status, sums.get("desynced"), sums.get("skipped"), sums.get("errors"),
                        sums.get("report_rows"), info);
        return new Measurement(name, seconds, created, updated, deleted, changed, rate(changed, seconds),
                h.peakMb(), h.afterGcMb(), null, null, note);
    }

    private Measurement dryRun(String name, PushCommand command) {
        Heap heap = Heap.start();
        long t0 = System.nanoTime();
        PushPreview preview = inDistrict(() -> pushes.preview(command));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Heap.Reading h = heap.stop();
        var t = preview.totals();
        long changed = (long) t.created() + t.updated() + t.deleted();
        return new Measurement(name, seconds, t.created(), t.updated(), t.deleted(), changed, rate(changed, seconds),
                h.peakMb(), h.afterGcMb(), null, null,
                "plans only, writes nothing; %d courses, %d report rows".formatted(preview.courses().size(),
                        preview.rows().size()));
    }

    /** Adds the floor: the same numbers of rows written by single set-based statements, rolled back. */
    private Measurement withFloor(Measurement m) {
        double floor = floor(m.created(), m.updated(), m.deleted());
        return new Measurement(m.name(), m.seconds(), m.created(), m.updated(), m.deleted(), m.rowsChanged(),
                m.rowsPerSecond(), m.peakHeapMb(), m.heapAfterGcMb(), floor,
                floor > 0 ? m.seconds() / floor : null, m.note());
    }

    /**
     * One INSERT ... SELECT of {@code inserts} section_item rows, one UPDATE of {@code updates} rows and one DELETE of
     * {@code deletes} rows, each timed, in a transaction that is rolled back (the district is unchanged). The
     * inserted copies are new rows with new ids; the delete removes rows inserted (untimed) for it, so no dependent
     * blocks it. Runs on section_item, the table that holds most of the rows a push writes.
     */
    private double floor(long inserts, long updates, long deletes) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return inDistrict(() -> tx.execute(s -> {
            double total = 0;
            long t0 = System.nanoTime();
            copy(inserts, "'FloorIns'");
            total += (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            jdbc.update("""
                    update section_item t set weight = coalesce(t.weight, 0) + 1, seq = t.seq + 1
                    from (select id from section_item where name not like 'Floor%' limit ?) v where t.id = v.id
                    """, updates);
            total += (System.nanoTime() - t0) / 1e9;
            copy(deletes, "'FloorDel'");
            t0 = System.nanoTime();
            jdbc.update("delete from section_item where name = 'FloorDel'");
            total += (System.nanoTime() - t0) / 1e9;
            s.setRollbackOnly();
            return total;
        }));
    }

    private void copy(long rows, String name) {
        if (rows <= 0) {
            return;
        }
        jdbc.update("""
                insert into section_item (id, section_id, item_type, code, name, task_code, term_code, weight, seq,
                                          calc_method, rounding, parts, course_item_id, origin)
                select gen_random_uuid(), section_id, 'CATEGORY', code, %s, task_code, term_code, weight, seq + 100,
                       calc_method, rounding, parts, course_item_id, origin
                from section_item limit ?
                """.formatted(name), rows);
    }

    private Map<String, String> snapshot() {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : SNAPSHOT_TABLES) {
            sums.put(table, inDistrictTx(() -> jdbc.queryForObject("select count(*) || ':' || coalesce(md5(string_agg("
                    + "md5(t::text), '' order by md5(t::text))), '-') from " + table + " t", String.class)));
        }
        return sums;
    }

    /** Runs in the district without a transaction: for the executor and the service, which own theirs. */
    private <T> T inDistrict(Supplier<T> work) {
        return TenantContext.call(DISTRICT, work);
    }

    /** Plain JDBC reaches the district's schema only inside a transaction (the tenant is bound per transaction). */
    private <T> T inDistrictTx(Supplier<T> work) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return TenantContext.call(DISTRICT, () -> tx.execute(s -> work.get()));
    }

    private static double rate(long rows, double seconds) {
        return seconds > 0 ? rows / seconds : 0;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, Java " + Runtime.version()
                + ", PostgreSQL 18 embedded (zonky)";
    }

    /**
     * Where the time of run (b) goes, measured outside the engine on the same state just before it, in one read-only
     * transaction, chunk by chunk (200 courses, the default chunk size): each loader query (through a timing
     * JdbcTemplate handed to a second PushLoader), the in-memory planning (PushPlanner directly), and the gradebook
     * counts, which the executor runs twice per chunk (before, and to verify before commit).
     */
    private Map<String, Double> phases(PushCommand command) {
        PushRequestView draft = new PushRequestView(UUID.randomUUID(), command.kind(), command.catalogId(),
                command.masterId(), command.schoolYearId(), command.calendarId(), command.mode(),
                command.toSections(), command.types(), PushStatus.QUEUED, "bench", Instant.now(), Instant.now(),
                null, null, null, 0, null);
        TimingJdbcTemplate timing = new TimingJdbcTemplate(jdbc.getDataSource());
        PushLoader timedLoader = new PushLoader(timing);
        PushPlanner planner = PushPlanner.standard();
        PushOptions options = command.options();
        return inDistrictTx(() -> {
            Locks locks = loader.locks(command.catalogId());
            List<Long> scope = store.pendingCourses(draft);
            // twice, keeping the faster pass of each phase: the machine is shared, so single timings are noisy
            Map<String, Double> best = new LinkedHashMap<>();
            for (int pass = 0; pass < 2; pass++) {
                timing.reset();
                long load = 0;
                long plan = 0;
                for (int from = 0; from < scope.size(); from += 200) {
                    List<Long> chunk = scope.subList(from, Math.min(scope.size(), from + 200));
                    long t0 = System.nanoTime();
                    PushLoader.Chunk loaded = timedLoader.load(chunk, false);
                    long t1 = System.nanoTime();
                    for (CourseInput course : loaded.courses()) {
                        planner.planMasterPush(loaded.masters().get(course.masterId()), course, locks, options,
                                loaded.facts());
                    }
                    long t2 = System.nanoTime();
                    timedLoader.gradebookCounts(chunk);
                    load += t1 - t0;
                    plan += t2 - t1;
                }
                Map<String, Double> phases = new LinkedHashMap<>();
                phases.put("load, total", load / 1e9);
                for (Map.Entry<String, Long> e : timing.nanos().entrySet()) {
                    if (!e.getKey().equals(TimingJdbcTemplate.GRADEBOOK)) {
                        phases.put("  query: " + e.getKey(), e.getValue() / 1e9);
                    }
                }
                phases.put("plan (in memory)", plan / 1e9);
                Long gradebook = timing.nanos().get(TimingJdbcTemplate.GRADEBOOK);
                phases.put("gradebook counts x2 (before + verify)", gradebook == null ? 0 : 2 * gradebook / 1e9);
                phases.forEach((k, v) -> best.merge(k, v, Math::min));
            }
            // an experiment, not a change to the engine: the same reads with plan_cache_mode = force_custom_plan
            // (this transaction only). PgJDBC prepares a statement on the server after 5 runs, and PostgreSQL may
            // then switch to a generic plan, which for "= any(?)" cannot see how many ids the array holds.
            jdbc.execute("set local plan_cache_mode = force_custom_plan");
            timing.reset();
            for (int from = 0; from < scope.size(); from += 200) {
                List<Long> chunk = scope.subList(from, Math.min(scope.size(), from + 200));
                timedLoader.load(chunk, false);
                timedLoader.gradebookCounts(chunk);
            }
            Long custom = timing.nanos().get(TimingJdbcTemplate.DEPENDENTS);
            best.put("(experiment) dependents query with force_custom_plan", custom == null ? 0 : custom / 1e9);
            Long customGradebook = timing.nanos().get(TimingJdbcTemplate.GRADEBOOK);
            best.put("(experiment) gradebook counts x2 with force_custom_plan",
                    customGradebook == null ? 0 : 2 * customGradebook / 1e9);
            jdbc.execute("set local plan_cache_mode = auto");
            explain(timing, TimingJdbcTemplate.DEPENDENTS);
            return best;
        });
    }

    /** EXPLAIN ANALYZE of one loader query with the arguments of its last run (one chunk), printed. */
    private void explain(TimingJdbcTemplate timing, String label) {
        String sql = timing.sql(label);
        if (sql == null) {
            return;
        }
        StringBuilder plan = new StringBuilder("EXPLAIN ANALYZE of the loader query '" + label
                + "' for one chunk of 200 courses:\n");
        jdbc.query("explain (analyze, costs off, timing on) " + sql,
                rs -> {
                    plan.append("  ").append(rs.getString(1)).append('\n');
                }, timing.lastArgs(label));
        System.out.println(plan);
    }

    private void print(Result r, Measurement overwrite) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nPush benchmark, size %s (%s)%n", r.size(), r.machine()));
        out.append(String.format(Locale.ROOT, "dataset: %s; generated in %.1f s%n", r.dataset(), r.generateSeconds()));
        String header = String.format(Locale.ROOT, "%-48s %9s %8s %8s %8s %9s %10s %8s %8s %9s %8s%n", "run",
                "wall s", "created", "updated", "deleted", "changed", "rows/s", "peakMB", "gcMB", "floor s",
                "eng/flr");
        out.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (Measurement m : r.runs()) {
            out.append(String.format(Locale.ROOT, "%-48s %9.2f %8d %8d %8d %9d %10.0f %8d %8d %9s %8s%n",
                    m.name(), m.seconds(), m.created(), m.updated(), m.deleted(), m.rowsChanged(),
                    m.rowsPerSecond(), m.peakHeapMb(), m.heapAfterGcMb(),
                    m.floorSeconds() == null ? "-" : String.format(Locale.ROOT, "%.3f", m.floorSeconds()),
                    m.engineOverFloor() == null ? "-" : String.format(Locale.ROOT, "%.1fx", m.engineOverFloor())));
        }
        for (Measurement m : r.runs()) {
            out.append("  ").append(m.name()).append(": ").append(m.note()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "Where the %.2f s of '%s' go (read phases re-timed just before it):%n",
                overwrite.seconds(), overwrite.name()));
        double accounted = 0;
        for (Map.Entry<String, Double> e : r.overwritePhasesSeconds().entrySet()) {
            out.append(String.format(Locale.ROOT, "  %-75s %7.2f s%n", e.getKey(), e.getValue()));
            if (!e.getKey().startsWith("  ") && !e.getKey().startsWith("(experiment)")) {
                accounted += e.getValue();
            }
        }
        out.append(String.format(Locale.ROOT, "  %-75s %7.2f s%n",
                "rest = wall - the above: row locks, writes, report rows, commits", overwrite.seconds() - accounted));
        out.append("  (a negative rest means the re-timed reads ran slower than inside the push: the 2 cores are"
                + " shared, so read the phases as proportions)\n");
        out.append("Target: ").append(r.target()).append(" -> ").append(r.verdict()).append('\n');
        System.out.println(out);
    }

    private static void write(Result r) {
        File dir = new File("target/bench");
        dir.mkdirs();
        File file = new File(dir, "bench-" + r.size() + ".json");
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).findAndAddModules().build()
                .writeValue(file, r);
        System.out.println("Wrote " + file.getAbsolutePath());
    }

    /** Peak heap over a run: GC, reset the heap pools' peaks, then read the sum of their peaks. */
    private record Heap(List<MemoryPoolMXBean> pools) {
        record Reading(long peakMb, long afterGcMb) {
        }

        static Heap start() {
            System.gc();
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            return new Heap(pools);
        }

        Reading stop() {
            long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Reading(peak / (1024 * 1024), after / (1024 * 1024));
        }
    }
}
