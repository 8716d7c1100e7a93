package app.cascade.nodes;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged app instances on two ports share one PostgreSQL, the way Cascade grows past one machine: JobRunr's
 * background servers on both nodes take jobs from the same storage, and push events travel between the nodes through
 * PostgreSQL LISTEN/NOTIFY. Twenty requests over both demo districts and four catalogs, submitted half on each node:
 * each runs exactly once, both nodes run some, one catalog's pushes never overlap even across nodes, and a user
 * watching node A (its event stream, the API's equivalent of the queue and the bell) sees the progress, the end and
 * the notification of every request that ran on node B.
 */
class TwoNodesIT {

    record District(String id, String schema, String pushUser) {
    }

    static final List<District> DISTRICTS = List.of(
            new District("lakeside", "district_lakeside", "lakeside.push"),
            new District("cedar-valley", "district_cedar_valley", "cedar.push"));
    static final Duration START = Duration.ofMinutes(5);

    static NodesDatabase db;
    static Path tenants;
    static final List<AppProcess> nodes = new ArrayList<>();
    static final List<EventStream> streams = new ArrayList<>();

    @BeforeAll
    static void setUp() throws IOException {
        db = NodesDatabase.start();
        tenants = Files.createDirectories(AppProcess.NODES_DIR.resolve("two-tenants"));
        for (District d : DISTRICTS) {
            for (String ext : List.of(".yml", ".json")) {
                Files.copy(Path.of("tenants", d.id() + ext), tenants.resolve(d.id() + ext),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            // the district's running cap is not what spreads the work here (FairPushWorkersIT tests it): with the
            // default of 2, a district's third job is held and handed back on the node where one of its pushes
            // ended, which keeps each catalog on one node and leaves the cross-node catalog lock untested
            Files.writeString(tenants.resolve(d.id() + ".yml"), "maxRunningPushes: 4\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        streams.forEach(EventStream::close);
        nodes.forEach(AppProcess::close);
        if (db != null) {
            db.close();
        }
    }

    static AppProcess startNode(String name) {
        AppProcess node = AppProcess.named(name).database(db).tenantsDir(tenants).demoData(true)
                .property("jobrunr.background-job-server.worker-count", 2)
                // small chunks make each push last a few seconds, so both nodes' job servers find work waiting
                .property("cascade.push.chunk-size", 2)
                .start();
        nodes.add(node);
        return node.awaitReady(START);
    }

    /** A second catalog in the district: half of the masters (and so their courses) move to it, locks copied. */
    static void splitCatalog(District d) {
        db.inSchema(d.schema(), jdbc -> {
            long first = jdbc.queryForObject("select min(id) from course_catalog", Long.class);
            long second = jdbc.queryForObject("insert into course_catalog (name) values ('Second Catalog') returning id",
                    Long.class);
            jdbc.update("insert into catalog_lock (catalog_id, lock_name) select ?, lock_name from catalog_lock"
                    + " where catalog_id = ?", second, first);
            int moved = jdbc.update("update course_master set catalog_id = ? where catalog_id = ? and id % 2 = 0",
                    second, first);
            assertThat(moved).isPositive();
            return null;
        });
    }

    record Target(District district, long catalog, long year) {
    }

    static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (District d : DISTRICTS) {
            long year = db.jdbc().queryForObject("""
                    select cal.school_year_id from %1$s.course c join %1$s.calendar cal on cal.id = c.calendar_id
                    where c.master_id is not null group by 1 order by count(*) desc, 1 limit 1
                    """.formatted(d.schema()), Long.class);
            for (Long catalog : db.jdbc().queryForList("select id from " + d.schema() + ".course_catalog order by id",
                    Long.class)) {
                targets.add(new Target(d, catalog, year));
            }
        }
        return targets;
    }

    record Run(UUID id, District district, long catalog, String status, int attempts, String ranOn,
               Timestamp started, Timestamp finished, UUID job) {
    }

    static List<Run> runs(Map<UUID, Target> submitted) {
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<UUID, Target> e : submitted.entrySet()) {
            District d = e.getValue().district();
            runs.add(db.jdbc().queryForObject("""
                    select status, attempts, ran_on, started_at, finished_at, job_id from %s.push_request where id = ?
                    """.formatted(d.schema()), (rs, n) -> new Run(e.getKey(), d, e.getValue().catalog(),
                    rs.getString(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4), rs.getTimestamp(5),
                    rs.getObject(6, UUID.class)), e.getKey()));
        }
        return runs;
    }

    @Test
    void twenty_requests_on_two_nodes_run_once_each_spread_over_both_never_overlapping_per_catalog_and_watched_from_either_node() {
        AppProcess a = startNode("node-a");
        DISTRICTS.forEach(TwoNodesIT::splitCatalog);
        AppProcess b = startNode("node-b");
        List<Target> targets = targets();
        assertThat(targets).hasSize(4);

        // users watching node A, one per district
        Map<String, EventStream> watchingA = new java.util.HashMap<>();
        for (District d : DISTRICTS) {
            EventStream stream = new EventStream(a, d.pushUser());
            streams.add(stream);
            watchingA.put(d.id(), stream);
        }
        Awaitility.await("event streams open").atMost(Duration.ofMinutes(1))
                .until(() -> watchingA.values().stream().allMatch(EventStream::ready));

        // Every catalog's push lock is held while the requests are submitted: the first jobs then wait at their lock
        // and keep workers busy, so the gate opens only once all four workers (two per node) have taken a job. On a
        // fast, idle machine one node could otherwise run all 20 before the other node's next poll.
        AutoCloseable gate = db.holdPushLocks(targets.stream()
                .map(t -> Map.entry(t.district().schema(), t.catalog())).toList());

        // 20 requests, 5 per catalog, alternately submitted on node A and node B
        Map<UUID, Target> submitted = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            Target t = targets.get(i % targets.size());
            AppProcess node = i % 2 == 0 ? a : b;
            ResponseEntity<JsonNode> response = node.client(t.district().pushUser()).post().uri("/api/v1/pushes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"catalogId\": %d, \"schoolYearId\": %d, \"mode\": \"%s\", \"toSections\": true}"
                            .formatted(t.catalog(), t.year(), i % 3 == 0 ? "PUSH_LOCKED" : "OVERWRITE"))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(response.getStatusCode().value()).as("submit on %s: %s", node, response.getBody())
                    .isEqualTo(202);
            submitted.put(UUID.fromString(response.getBody().path("id").asString()), t);
        }
        Awaitility.await("both nodes' workers busy (two jobs each)").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200)).until(() -> db.jdbc().queryForObject(
                        "select count(*) from jobrunr_jobs where state = 'PROCESSING'", Integer.class) == 4);
        try {
            gate.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Awaitility.await("all 20 requests end").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> runs(submitted).stream().allMatch(r -> r.finished() != null));
        List<Run> runs = runs(submitted);

        // each ran exactly once, and completed
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.status()).isIn("COMPLETED", "COMPLETED_WITH_WARNINGS");
            assertThat(r.attempts()).as("attempts of %s", r.id()).isEqualTo(1);
            assertThat(r.ranOn()).isIn("node-a", "node-b");
        });
        for (Run r : runs) {
            // the job marks its request final from inside its run; JobRunr records the job's end a moment after
            Awaitility.await("JobRunr records the end of " + r.id()).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50)).until(() -> !Set.of("ENQUEUED", "PROCESSING").contains(
                            db.jdbc().queryForObject("select state from jobrunr_jobs where id = ?", String.class,
                                    r.job().toString())));
            String state = db.jdbc().queryForObject("select state from jobrunr_jobs where id = ?", String.class,
                    r.job().toString());
            String job = db.jdbc().queryForObject("select jobAsJson from jobrunr_jobs where id = ?", String.class,
                    r.job().toString());
            assertThat(state).isEqualTo("SUCCEEDED");
            assertThat(processingStates(job)).as("JobRunr processing states of %s", r.id()).isEqualTo(1);
        }

        // the work is spread over both nodes
        Map<String, Long> perNode = runs.stream().collect(Collectors.groupingBy(Run::ranOn, Collectors.counting()));
        assertThat(perNode).containsOnlyKeys("node-a", "node-b");

        // one catalog's pushes never overlap, even across nodes
        Map<String, List<Run>> perCatalog = runs.stream()
                .collect(Collectors.groupingBy(r -> r.district().id() + "/" + r.catalog()));
        assertThat(perCatalog).hasSize(4);
        perCatalog.forEach((catalog, list) -> {
            List<Run> sorted = list.stream().sorted(Comparator.comparing(Run::started)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i).started()).as("%s: %s starts after %s ended", catalog,
                        sorted.get(i).id(), sorted.get(i - 1).id()).isAfterOrEqualTo(sorted.get(i - 1).finished());
            }
        });
        Map<String, Set<String>> catalogsPerNode = runs.stream().collect(Collectors.groupingBy(Run::ranOn,
                Collectors.mapping(r -> r.district().id() + "/" + r.catalog(), Collectors.toSet())));
        assertThat(catalogsPerNode.values().stream().mapToInt(Set::size).sum())
                .as("catalogs run by both nodes (catalogs per node: %s)", catalogsPerNode).isGreaterThan(4);

        // a user watching node A sees progress, the end and the notification of every request run on node B
        List<Run> onB = runs.stream().filter(r -> r.ranOn().equals("node-b")).toList();
        assertThat(onB).isNotEmpty();
        Awaitility.await("node A's watchers got node B's events").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            for (Run r : onB) {
                List<EventStream.Event> seen = watchingA.get(r.district().id()).events().stream()
                        .filter(e -> e.requestId().equals(r.id().toString())).toList();
                assertThat(seen).as("events of %s (ran on node B) seen on node A", r.id())
                        .anySatisfy(e -> assertThat(e.name() + " " + e.status()).isEqualTo("request RUNNING"))
                        .anySatisfy(e -> assertThat(e.name() + " " + e.status()).isEqualTo("request " + r.status()))
                        .anySatisfy(e -> assertThat(e.name()).isEqualTo("notification"));
            }
        });
        // and only its own district's
        for (District d : DISTRICTS) {
            Set<String> mine = new HashSet<>();
            runs.stream().filter(r -> r.district().equals(d)).forEach(r -> mine.add(r.id().toString()));
            assertThat(watchingA.get(d.id()).events()).filteredOn(e -> !e.name().equals("ready"))
                    .allSatisfy(e -> assertThat(mine).contains(e.requestId()));
        }
        // node A's own count of events received through PostgreSQL covers every notification
        assertThat(counter(a.prometheus(), "NOTIFICATION")).isGreaterThanOrEqualTo(20);
    }

    private static long processingStates(String jobAsJson) {
        JsonNode job = JsonMapper.builder().build().readTree(jobAsJson);
        long n = 0;
        for (JsonNode state : job.path("jobHistory")) {
            if (state.path("@class").isString() && state.path("@class").asString().endsWith("ProcessingState")) {
                n++;
            }
        }
        return n;
    }

    private static double counter(String prometheus, String kind) {
        Matcher m = Pattern.compile("cascade_push_events_received_total\\{[^}]*kind=\"" + kind + "\"[^}]*} ([0-9.E+]+)")
                .matcher(prometheus);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
