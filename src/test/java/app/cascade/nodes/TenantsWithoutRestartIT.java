package app.cascade.nodes;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, districts come and go without a restart: two packaged nodes on one database read one tenant folder. A new
 * file is live on both within 10 s (schema migrated, demo data loaded once, its users served); {@code enabled: false}
 * refuses the district on both, holds its queued push and keeps its data, and {@code true} runs the push; a bad new
 * file is reported on both and changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantsWithoutRestartIT {

    /** The bound, from writing the file to the district served on every node. */
    static final Duration LIVE_WITHIN = Duration.ofSeconds(10);
    static final String GAMMA_SCHEMA = "district_gamma";

    static NodesDatabase db;
    static Path tenants;
    static final List<AppProcess> nodes = new ArrayList<>();

    @BeforeAll
    static void setUp() throws IOException {
        db = NodesDatabase.start();
        tenants = Files.createDirectories(AppProcess.NODES_DIR.resolve("hot-tenants"));
        try (var old = Files.list(tenants)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.copy(Path.of("tenants", "lakeside.yml"), tenants.resolve("lakeside.yml"));
        for (String name : List.of("node-a", "node-b")) {
            nodes.add(AppProcess.named("hot-" + name).database(db).tenantsDir(tenants).demoData(true)
                    .config("""
                            cascade:
                              tenancy:
                                watch-every: 1s
                              security:
                                dev-users:
                                  - { username: lakeside.push, name: Lake Pusher, roles: [PUSH_ADMIN], districts: [lakeside] }
                                  - { username: gamma.push, name: Gamma Pusher, roles: [PUSH_ADMIN], districts: [gamma] }
                                  - { username: delta.push, name: Delta Pusher, roles: [PUSH_ADMIN], districts: [delta] }
                            """)
                    .start());
        }
        nodes.forEach(n -> n.awaitReady(Duration.ofMinutes(5)));
    }

    @AfterAll
    static void tearDown() throws IOException {
        nodes.forEach(AppProcess::close);
        if (db != null) {
            db.close();
        }
    }

    static String gammaFile(String extra) {
        return """
                id: gamma
                displayName: Gamma County Schools
                schema: district_gamma
                organization: gamma
                timeZone: America/Denver
                batchReporting: true
                notificationSender: cascade@gamma.k12.example
                """ + extra;
    }

    /** Writes through a temporary file and a move, as a deployment tool does, so no node reads half a file. */
    static void write(String name, String content) throws IOException {
        Path temp = tenants.resolve(name + ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, tenants.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static ResponseEntity<JsonNode> queue(AppProcess node, String user) {
        return node.client(user).get().uri("/api/v1/pushes").retrieve().toEntity(JsonNode.class);
    }

    static String log(AppProcess node) {
        try {
            return Files.readString(node.log());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int schoolYears() {
        return db.jdbc().queryForObject("select count(*) from " + GAMMA_SCHEMA + ".school_year", Integer.class);
    }

    @Test
    @Order(1)
    void a_new_tenant_file_is_live_on_both_nodes_within_ten_seconds_with_its_demo_data_loaded_once() throws IOException {
        for (AppProcess node : nodes) {
            assertThat(queue(node, "gamma.push").getStatusCode().value()).as(node.name()).isEqualTo(403);
        }
        Files.copy(Path.of("tenants", "cedar-valley.json"), tenants.resolve("gamma.json"),
                StandardCopyOption.REPLACE_EXISTING);

        write("gamma.yml", gammaFile(""));

        Awaitility.await("gamma served on both nodes").atMost(LIVE_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> nodes.stream().allMatch(n -> queue(n, "gamma.push").getStatusCode().value() == 200));
        int years = schoolYears();
        assertThat(years).as("the demo data, loaded before the district is served").isPositive();
        Awaitility.await("both nodes checked gamma's demo data").atMost(LIVE_WITHIN)
                .until(() -> nodes.stream().allMatch(n -> log(n).contains("into district gamma")
                        || log(n).contains("District gamma already has data")));
        assertThat(nodes.stream().filter(n -> log(n).contains("into district gamma")).count())
                .as("one node imported the demo data, the other found it").isOne();
        assertThat(schoolYears()).isEqualTo(years);
        assertThat(db.jdbc().queryForObject("select active from cascade.tenant where id = 'gamma'", Boolean.class))
                .isTrue();
        for (AppProcess node : nodes) {
            assertThat(queue(node, "lakeside.push").getStatusCode().value()).as(node.name()).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void a_district_switched_off_is_refused_on_both_nodes_holds_its_queued_push_and_keeps_its_data_until_switched_on()
            throws IOException {
        int years = schoolYears();
        long catalog = db.jdbc().queryForObject("select min(id) from " + GAMMA_SCHEMA + ".course_catalog", Long.class);
        long year = db.jdbc().queryForObject("""
                select cal.school_year_id from %1$s.course c join %1$s.calendar cal on cal.id = c.calendar_id
                where c.master_id is not null group by 1 order by count(*) desc, 1 limit 1
                """.formatted(GAMMA_SCHEMA), Long.class);
        Map<String, Long> gradebook = PushRequests.gradebook(db, GAMMA_SCHEMA);
        String courseItems = courseItems();
        // submitted for a few seconds ahead, so that it is due while the district is off
        ResponseEntity<JsonNode> submitted = nodes.getFirst().client("gamma.push").post().uri("/api/v1/pushes")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"catalogId\": %d, \"schoolYearId\": %d, \"mode\": \"OVERWRITE\", \"toSections\": true,"
                        .formatted(catalog, year) + " \"scheduledAt\": \"" + Instant.now().plusSeconds(4) + "\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(submitted.getStatusCode().value()).as("submit: %s", submitted.getBody()).isEqualTo(202);
        UUID push = UUID.fromString(submitted.getBody().path("id").asString());

        write("gamma.yml", gammaFile("enabled: false\n"));

        Awaitility.await("gamma refused on both nodes").atMost(LIVE_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> nodes.stream().allMatch(n -> queue(n, "gamma.push").getStatusCode().value() == 403));
        for (AppProcess node : nodes) {
            ResponseEntity<JsonNode> refused = queue(node, "gamma.push");
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody().path("type").asString()).endsWith("/district-switched-off");
            assertThat(refused.getBody().path("detail").asString()).contains("gamma").contains("switched off");
        }
        PushRequests.await(db, GAMMA_SCHEMA, push, "held while gamma is off", p -> "QUEUED".equals(p.status())
                && message(push).contains("switched off"), Duration.ofSeconds(60));
        assertThat(PushRequests.progress(db, GAMMA_SCHEMA, push).attempts()).as("it never started").isZero();
        assertThat(courseItems()).as("nothing of the push was written").isEqualTo(courseItems);
        assertThat(schoolYears()).isEqualTo(years);
        assertThat(PushRequests.gradebook(db, GAMMA_SCHEMA)).isEqualTo(gradebook);

        write("gamma.yml", gammaFile("enabled: true\n"));

        Awaitility.await("gamma served again").atMost(LIVE_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> nodes.stream().allMatch(n -> queue(n, "gamma.push").getStatusCode().value() == 200));
        PushRequests.await(db, GAMMA_SCHEMA, push, "the held push runs once gamma is on",
                p -> p.status().startsWith("COMPLETED"), Duration.ofMinutes(2));
        assertThat(schoolYears()).isEqualTo(years);
        assertThat(PushRequests.gradebook(db, GAMMA_SCHEMA)).isEqualTo(gradebook);
    }

    /** Every course and course item row, as one fingerprint. */
    static String courseItems() {
        return db.jdbc().queryForObject("select md5((select coalesce(string_agg(c::text, ',' order by c.id), '') from "
                + GAMMA_SCHEMA + ".course c) || (select coalesce(string_agg(i::text, ',' order by i.id), '') from "
                + GAMMA_SCHEMA + ".course_item i))", String.class);
    }

    static String message(UUID push) {
        return java.util.Objects.requireNonNullElse(db.jdbc().queryForObject("select message from " + GAMMA_SCHEMA
                + ".push_request where id = ?", String.class, push), "");
    }

    @Test
    @Order(3)
    void a_bad_new_file_is_reported_on_both_nodes_and_changes_nothing() throws IOException {
        write("delta.yml", gammaFile("").replace("id: gamma", "id: delta").replace("district_gamma", "district_delta")
                .replace("organization: gamma", "organization: delta").replace("America/Denver", "Mars/Olympus"));

        Awaitility.await("delta reported on both nodes").atMost(LIVE_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> nodes.stream().allMatch(n -> log(n).contains("delta.yml, field 'timeZone'")));
        for (AppProcess node : nodes) {
            assertThat(queue(node, "delta.push").getStatusCode().value()).as(node.name()).isEqualTo(403);
            assertThat(queue(node, "gamma.push").getStatusCode().value()).as(node.name()).isEqualTo(200);
            assertThat(queue(node, "lakeside.push").getStatusCode().value()).as(node.name()).isEqualTo(200);
        }
        assertThat(db.jdbc().queryForObject("select count(*) from cascade.tenant where id = 'delta'", Integer.class))
                .isZero();
        assertThat(db.jdbc().queryForObject("select count(*) from pg_namespace where nspname = 'district_delta'",
                Integer.class)).isZero();
    }
}
