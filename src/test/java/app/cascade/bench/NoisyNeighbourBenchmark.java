package app.cascade.bench;

import app.cascade.ApiClient;
import app.cascade.CascadeIntegrationTest;
import app.cascade.bench.BenchFigures.Percentiles;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.KaribuSession;
import app.cascade.catalog.SmallDistrict;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushUndoService;
import app.cascade.push.engine.PushMode;
import app.cascade.tenancy.TenantContext;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Noisy neighbours (issue 19; not a test: run with {@code ./mvnw -Pbench verify -Dsize=S
 * -Dit.test=NoisyNeighbourBenchmark}, sizes S, M, L). District A ({@code alpha}) holds a district generated at the
 * chosen size ({@link DistrictGenerator}); district B ({@code beta}) is small ({@link SmallDistrict} and 300 finished
 * push requests of the last week). Two things B's users do are timed, first on an idle node, then while A runs an
 * Overwrite + push to sections through the real job path (Run Now through {@link PushRequestService#submit}, a JobRunr
 * job, the executor's chunk transactions), each {@link #SAMPLES} times after a warm-up, one API call then one form
 * load, {@link #THINK_MILLIS} ms apart as a user's clicks are:
 * <ul>
 *   <li><b>the queue API</b>: {@code GET /api/v1/pushes} (the README's list of push requests, its default page of 50)
 *       over real HTTP with a push admin's Basic credentials, as the API ITs authenticate;</li>
 *   <li><b>the push form</b>: Push All Course Masters opened in a fresh Karibu UI as {@code beta.push}, with its Batch
 *       Queue List's first page rendered. This is what opening the push form costs the server: the view builds the
 *       form (school years, the catalogs of the current year), reads the Batch Reporting switch, loads the queue and
 *       asks which of its requests may be undone, then the grid's rows are formatted. Driving the view, rather than
 *       calling those services one by one, times exactly the calls the UI makes and the rendering between them. The
 *       preview (dry run) is not part of it: it is a button on the form, and its time grows with the push.</li>
 * </ul>
 * The node knows B is being served from B's HTTP requests, the API calls (the Karibu form loads do not go through
 * HTTP; a browser's do): while it is, A's push runs fewer chunks at once (decision 0028).
 * Under load, a sample counts only if A's push (or the undo that keeps A busy between Overwrites, see {@link
 * LoadDriver}) was running when it began and when it ended. The report gives p50 / p95 of both phases and the p95
 * ratio (loaded / idle) against the target, at most 3x, with PASS / FAIL (a FAIL does not fail the build), and
 * what the node did meanwhile (and in a third phase, idle again, how far the machine's other work moved the idle
 * figures): CPU of the machine and of this JVM, and the main pool's busy connections and waiting
 * threads. Writes target/bench/noisy-SIZE.json.
 */
@CascadeIntegrationTest
class NoisyNeighbourBenchmark {

    private static final String NOISY = "alpha";
    private static final String QUIET = "beta";
    private static final String FORM_ROUTE = "push-all-course-masters";
    private static final String QUEUE_API = "/api/v1/pushes";
    /** Samples of each probe per phase; -Dbench.samples to change. */
    private static final int SAMPLES = Integer.getInteger("bench.samples", 40);
    /**
     * Pairs taken untimed first. 10 were too few: the JIT was still compiling the API's and the view's paths during the
     * idle phase, whose p95 came out 1.5-2x the same samples taken after the load (idle again), flattering the ratio.
     */
    private static final int WARM_UP = 60;
    /** The target: B's p95 under A's load within 3x its idle p95. */
    private static final double TARGET_RATIO = 3.0;
    private static final Duration LOADED_PHASE_LIMIT = Duration.ofMinutes(20);
    /**
     * A user's pause between two samples: without it the probes themselves (HTTP, a Karibu UI set up and torn down per
     * form load) kept both cores busy, and "idle" was not idle.
     */
    private static final long THINK_MILLIS = 150;

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushUndoService undos;
    @Autowired
    DataSource dataSource;

    /** One of B's two probes in both phases, and its verdict. */
    record Probe(String name, String what, Percentiles idle, Percentiles loaded, double p95Ratio, String target,
                 String verdict, Percentiles idleAgain) {
    }

    /** What the node did during a phase: sampled every 200 ms. */
    record NodeUsage(double machineCpuMean, double machineCpuMax, double jvmCpuMean, int mainPoolActiveMax,
                     double mainPoolActiveMean, int mainPoolSize, int threadsWaitingForConnectionMax,
                     String loadAverageAfter) {
    }

    /** A's requests that ran during the loaded phase, in order: kind, final status and seconds from start to end. */
    record NoisyRun(String kind, String status, double seconds, long coursesDone) {
    }

    record Result(String size, Instant at, Map<String, String> machine, Map<String, Long> noisyDataset,
                  String quietDistrict, double generateSeconds, List<Probe> probes, NodeUsage idleNode,
                  NodeUsage loadedNode, NodeUsage idleAgainNode, List<NoisyRun> noisyRuns, int loadedPairsDiscarded,
                  String note) {
    }

    @AfterEach
    void tearDown() {
        KaribuSession.close();
        TestUsers.signOut();
    }

    @Test
    void benchmark() {
        for (String name : System.getProperty("size", "S").split(",")) {
            if (!name.isBlank()) {
                run(DistrictGenerator.Size.parse(name));
            }
        }
    }

    private void run(DistrictGenerator.Size size) {
        long t0 = System.nanoTime();
        DistrictGenerator.District noisy = inNoisy(() -> new DistrictGenerator(jdbc).generate(size));
        double generateSeconds = BenchFigures.millisSince(t0) / 1000;
        SmallDistrict quiet = SmallDistrict.insert(DistrictFixture.in(QUIET, context).wipe(), "Beta");
        inQuiet(() -> jdbc.update("""
                insert into push_request (id, kind, catalog_id, school_year_id, mode, to_sections, data_types, status,
                    submitted_by, submitted_at, scheduled_at, started_at, finished_at, courses_total, courses_done)
                select gen_random_uuid(), 'CATALOG', ?, ?, case when i % 2 = 0 then 'OVERWRITE' else 'PUSH_LOCKED' end,
                       i % 3 = 0, array['TASKS_STANDARDS','CATEGORIES'],
                       (array['COMPLETED','COMPLETED_WITH_WARNINGS','FAILED','CANCELLED'])[1 + i % 4], 'beta.push',
                       now() - i * interval '31 minutes', now() - i * interval '31 minutes',
                       now() - i * interval '31 minutes', now() - i * interval '31 minutes' + interval '2 minutes',
                       4, 4
                from generate_series(1, 300) i""", quiet.catalogId(), quiet.yearId()));
        // outside a transaction, so no district schema is bound: covers every table of every schema
        jdbc.execute("vacuum analyze");
        System.out.printf(Locale.ROOT, "%nNoisy district %s generated in %.1f s: %s%n", size, generateSeconds,
                noisy.rowCounts());

        RestClient api = new ApiClient(port).as("beta.push");
        sample(api, WARM_UP, () -> true, new ArrayList<>(), new ArrayList<>());
        List<Double> idleApi = new ArrayList<>();
        List<Double> idleForm = new ArrayList<>();
        NodeMonitor idleMonitor = NodeMonitor.start(mainPool());
        sample(api, SAMPLES, () -> true, idleApi, idleForm);
        NodeUsage idleNode = idleMonitor.stop();

        PushCommand overwrite = PushCommand.catalog(noisy.catalogId(), noisy.schoolYearId(), PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class));
        LoadDriver driver = new LoadDriver(overwrite);
        Thread thread = Thread.ofPlatform().name("noisy-neighbour-load").start(driver);
        List<Double> loadedApi = new ArrayList<>();
        List<Double> loadedForm = new ArrayList<>();
        NodeUsage loadedNode;
        int discarded;
        try {
            awaitRunning(driver);
            NodeMonitor loadedMonitor = NodeMonitor.start(mainPool());
            discarded = sample(api, SAMPLES, driver::running, loadedApi, loadedForm);
            loadedNode = loadedMonitor.stop();
        } finally {
            driver.stop = true;
        }
        join(thread);
        if (driver.failure != null) {
            throw new IllegalStateException("A's load failed", driver.failure);
        }
        // idle again: how far the machine's other work moved the idle figures meanwhile (not part of the ratio)
        List<Double> againApi = new ArrayList<>();
        List<Double> againForm = new ArrayList<>();
        NodeMonitor againMonitor = NodeMonitor.start(mainPool());
        sample(api, SAMPLES, () -> true, againApi, againForm);
        NodeUsage idleAgainNode = againMonitor.stop();

        List<Probe> probes = List.of(
                probe("queue API", "GET " + QUEUE_API + " as beta.push over HTTP (Basic), default page of 50",
                        idleApi, loadedApi, againApi),
                probe("push form", "Push All Course Masters opened in a fresh Karibu UI as beta.push, the Batch"
                        + " Queue List's first page rendered", idleForm, loadedForm, againForm));
        Map<String, String> machine = BenchFigures.machine();
        machine.put("pushSettings", "workers " + context.getEnvironment().getProperty("cascade.push.workers", "2")
                + ", chunk-size " + context.getEnvironment().getProperty("cascade.push.chunk-size", "200")
                + ", JobRunr workers " + context.getEnvironment()
                .getProperty("jobrunr.background-job-server.worker-count")
                + ", chunks while serving " + context.getEnvironment()
                .getProperty("cascade.push.while-serving.chunks", "0") + " (0: cores - 1), serving window "
                + context.getEnvironment().getProperty("cascade.push.while-serving.window", "10s") + ", rest "
                + context.getEnvironment().getProperty("cascade.push.while-serving.rest", "0.5"));
        Result result = new Result(size.name(), Instant.now(), machine, noisy.rowCounts(),
                "SmallDistrict (5 masters, 4 courses) and 300 finished push requests of the last week", generateSeconds,
                probes, idleNode, loadedNode, idleAgainNode, driver.runs(), discarded,
                "A: Overwrite + push to sections through Run Now and its JobRunr job; between Overwrites its undo"
                        + " (also a job) keeps A busy, and a sample counts only while one of them runs. Samples"
                        + " alternate, one API call then one form load, after a pause of " + THINK_MILLIS + " ms."
                        + " idleAgain: the same samples once A is idle again, only to show how much the idle figures"
                        + " moved meanwhile (the ratio uses the first idle phase).");
        print(result);
        BenchFigures.write("noisy-" + size.name() + ".json", result);
    }

    private static Probe probe(String name, String what, List<Double> idle, List<Double> loaded,
                               List<Double> idleAgain) {
        Percentiles i = Percentiles.of(idle);
        Percentiles l = Percentiles.of(loaded);
        double ratio = BenchFigures.round(l.p95Ms() / i.p95Ms());
        return new Probe(name, what, i, l, ratio, "loaded p95 / idle p95 <= " + TARGET_RATIO,
                BenchFigures.verdict(ratio <= TARGET_RATIO), Percentiles.of(idleAgain));
    }

    /**
     * Takes {@code count} pairs (one API call, one form load) that began and ended while {@code counting} held;
     * returns how many pairs were taken but not counted.
     */
    private int sample(RestClient api, int count, java.util.function.BooleanSupplier counting, List<Double> apiMs,
                       List<Double> formMs) {
        int discarded = 0;
        Instant deadline = Instant.now().plus(LOADED_PHASE_LIMIT);
        while (apiMs.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + apiMs.size() + " of " + count + " samples counted within "
                        + LOADED_PHASE_LIMIT);
            }
            if (!counting.getAsBoolean()) {
                BenchFigures.pause(20);
                continue;
            }
            BenchFigures.pause(THINK_MILLIS);
            double a = apiCall(api);
            double f = formLoad();
            if (counting.getAsBoolean()) {
                apiMs.add(a);
                formMs.add(f);
            } else {
                discarded++;
            }
        }
        return discarded;
    }

    private double apiCall(RestClient api) {
        long t0 = System.nanoTime();
        ResponseEntity<String> response = api.get().uri(QUEUE_API).retrieve().toEntity(String.class);
        double ms = BenchFigures.millisSince(t0);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).as("B's queue lists its requests").contains("\"id\"");
        return ms;
    }

    /** Opens the push form in a fresh UI (untimed), then times the navigation and the first page of its queue. */
    @SuppressWarnings("unchecked")
    private double formLoad() {
        KaribuSession.open(context, "beta.push");
        try {
            long t0 = System.nanoTime();
            UI.getCurrent().navigate(FORM_ROUTE);
            Grid<Object> queue = _get(Grid.class, spec -> spec.withId("queue-grid"));
            int rows = Math.min(GridKt._size(queue), queue.getPageSize());
            for (int i = 0; i < rows; i++) {
                GridKt._getFormattedRow(queue, i);
            }
            double ms = BenchFigures.millisSince(t0);
            assertThat(rows).as("B's Batch Queue List shows its requests").isPositive();
            return ms;
        } finally {
            KaribuSession.close();
        }
    }

    private void awaitRunning(LoadDriver driver) {
        org.awaitility.Awaitility.await("A's first push runs").pollInSameThread()
                .pollInterval(Duration.ofMillis(20)).atMost(Duration.ofMinutes(5))
                .until(() -> driver.running() || driver.failure != null);
    }

    private HikariPoolMXBean mainPool() {
        try {
            return dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps A busy through the real job path, signed in as {@code alpha.push} on its own thread: Run Now of the
     * Overwrite + sections, then, once it ends, its undo (a job too), then the Overwrite again, until told to stop;
     * the one running when told to stop runs to its end. Before each Overwrite the course memos are dropped, so each
     * plans every course as the first did. {@link #running} is true while A's current request is RUNNING.
     */
    private final class LoadDriver implements Runnable {
        private final PushCommand overwrite;
        private final List<NoisyRun> runs = Collections.synchronizedList(new ArrayList<>());
        volatile boolean stop;
        private volatile boolean running;
        volatile Throwable failure;

        LoadDriver(PushCommand overwrite) {
            this.overwrite = overwrite;
        }

        boolean running() {
            return running;
        }

        List<NoisyRun> runs() {
            return List.copyOf(runs);
        }

        @Override
        public void run() {
            TestUsers.signIn(context, "alpha.push");
            try {
                UUID lastPush = null;
                while (!stop) {
                    UUID id;
                    String kind;
                    if (lastPush == null) {
                        inNoisy(() -> jdbc.update("delete from push_course_memo"));
                        id = requests.submit(overwrite, null);
                        kind = "Overwrite + push to sections";
                    } else {
                        id = undos.undo(lastPush);
                        kind = "undo of the Overwrite";
                    }
                    Map<String, Object> end = follow(id);
                    runs.add(new NoisyRun(kind, (String) end.get("status"), ((Number) end.get("seconds")).doubleValue(),
                            ((Number) end.get("courses_done")).longValue()));
                    boolean completed = ((String) end.get("status")).startsWith("COMPLETED");
                    lastPush = lastPush == null && completed ? id : null;
                }
            } catch (Throwable e) {
                failure = e;
            } finally {
                running = false;
                TestUsers.signOut();
            }
        }

        /** Polls A's request until it ends, keeping {@link #running} up to date; its end as a row. */
        private Map<String, Object> follow(UUID id) {
            Instant deadline = Instant.now().plus(LOADED_PHASE_LIMIT);
            while (Instant.now().isBefore(deadline)) {
                Map<String, Object> row = inNoisy(() -> jdbc.queryForMap("""
                        select status, courses_done,
                               coalesce(extract(epoch from finished_at - started_at), 0) as seconds
                        from push_request where id = ?""", id));
                String status = (String) row.get("status");
                running = "RUNNING".equals(status);
                if (!running && !"QUEUED".equals(status) && !"SCHEDULED".equals(status)) {
                    return row;
                }
                BenchFigures.pause(50);
            }
            throw new IllegalStateException("A's request " + id + " did not end within " + LOADED_PHASE_LIMIT);
        }
    }

    /** Samples the machine's and this JVM's CPU and the main pool every 200 ms on a thread of its own. */
    private static final class NodeMonitor implements Runnable {
        private final HikariPoolMXBean pool;
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stop;
        private Thread thread;
        private int poolSize;

        private NodeMonitor(HikariPoolMXBean pool) {
            this.pool = pool;
        }

        static NodeMonitor start(HikariPoolMXBean pool) {
            NodeMonitor monitor = new NodeMonitor(pool);
            monitor.os.getCpuLoad(); // the first reading of each is meaningless
            monitor.os.getProcessCpuLoad();
            monitor.thread = Thread.ofPlatform().daemon().name("noisy-neighbour-monitor").start(monitor);
            return monitor;
        }

        @Override
        public void run() {
            while (!stop) {
                BenchFigures.pause(200);
                poolSize = Math.max(poolSize, pool.getTotalConnections());
                samples.add(new double[]{os.getCpuLoad(), os.getProcessCpuLoad(), pool.getActiveConnections(),
                        pool.getThreadsAwaitingConnection()});
            }
        }

        NodeUsage stop() {
            stop = true;
            join(thread);
            List<double[]> s = List.copyOf(samples);
            return new NodeUsage(BenchFigures.round(mean(s, 0)), BenchFigures.round(max(s, 0)),
                    BenchFigures.round(mean(s, 1)), (int) max(s, 2), BenchFigures.round(mean(s, 2)), poolSize,
                    (int) max(s, 3), BenchFigures.loadAverage());
        }

        private static double mean(List<double[]> s, int i) {
            return s.stream().mapToDouble(v -> v[i]).filter(v -> v >= 0).average().orElse(Double.NaN);
        }

        private static double max(List<double[]> s, int i) {
            return s.stream().mapToDouble(v -> v[i]).max().orElse(Double.NaN);
        }
    }

    private void print(Result r) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nNoisy neighbours, A = %s at size %s, B = %s (%s)%n", NOISY, r.size(), QUIET, r.machine()));
        out.append("A's requests while B was timed: ").append(r.noisyRuns()).append('\n');
        out.append("node idle:   ").append(r.idleNode()).append('\n');
        out.append("node loaded: ").append(r.loadedNode()).append('\n');
        out.append("node idle again: ").append(r.idleAgainNode()).append('\n');
        out.append("pairs taken across a gap between A's requests, not counted: ").append(r.loadedPairsDiscarded())
                .append('\n');
        for (Probe p : r.probes()) {
            out.append(String.format(Locale.ROOT, "  %-10s idle   %s%n", p.name(), p.idle().brief()));
            out.append(String.format(Locale.ROOT, "  %-10s loaded %s%n", "", p.loaded().brief()));
            out.append(String.format(Locale.ROOT, "  %-10s idle again %s%n", "", p.idleAgain().brief()));
        }
        out.append("Targets (issue 19, noisy neighbours):\n");
        for (Probe p : r.probes()) {
            out.append(String.format(Locale.ROOT, "  %-5s B's %-10s %-32s %.2fx (p95 %.1f ms loaded / %.1f ms idle)%n",
                    p.verdict(), p.name(), p.target(), p.p95Ratio(), p.loaded().p95Ms(), p.idle().p95Ms()));
        }
        System.out.println(out);
    }

    private <T> T inNoisy(Supplier<T> work) {
        return inDistrictTx(NOISY, work);
    }

    private <T> T inQuiet(Supplier<T> work) {
        return inDistrictTx(QUIET, work);
    }

    /** Plain JDBC reaches a district's schema only inside a transaction (the tenant is bound per transaction). */
    private <T> T inDistrictTx(String district, Supplier<T> work) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return TenantContext.call(district, () -> tx.execute(s -> work.get()));
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofMinutes(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
