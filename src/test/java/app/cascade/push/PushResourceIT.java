package app.cascade.push;

import app.cascade.ApiClient;
import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.tenancy.TenantContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push resource of {@code GET /api/v1/pushes/{id}}: its times, attempts and node, its results (equal to the sums
 * of its {@code push_course_result} rows and its report), its links per status, and its report as JSON rows equal to
 * the CSV's.
 */
@CascadeIntegrationTest
class PushResourceIT {

    static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestStore store;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private <T> T inAlpha(java.util.function.Supplier<T> work) {
        return TenantContext.call("alpha", () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private JsonNode resource(UUID id) {
        ResponseEntity<String> response = api().get("alpha.viewer", "/api/v1/pushes/" + id);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return api().json(response.getBody());
    }

    @Test
    void results_are_the_sums_of_the_pushs_course_results_and_its_kept_report_rows() {
        UUID id = PushWithResults.run(context);
        Map<String, Object> sums = inAlpha(() -> jdbc.queryForMap("""
                select count(*) filter (where outcome = 'PUSHED') as pushed,
                       count(*) filter (where outcome in ('SKIPPED', 'DESYNCED')) as skipped,
                       count(*) filter (where outcome = 'ERROR') as failed,
                       sum(created) as created, sum(updated) as updated, sum(deleted) as deleted,
                       (select count(*) from push_report_row where request_id = ?
                            and reason = 'RESIDUAL_HAS_DEPENDENTS') as kept
                from push_course_result where request_id = ?
                """, id, id));

        JsonNode results = resource(id).get("results");

        assertThat(results.get("coursesPushed").asLong()).isEqualTo(((Number) sums.get("pushed")).longValue())
                .isEqualTo(1);
        assertThat(results.get("coursesSkipped").asLong()).isEqualTo(((Number) sums.get("skipped")).longValue())
                .isEqualTo(2);
        assertThat(results.get("coursesFailed").asLong()).isEqualTo(((Number) sums.get("failed")).longValue())
                .isZero();
        assertThat(results.get("itemsCreated").asLong()).isEqualTo(((Number) sums.get("created")).longValue())
                .isPositive();
        assertThat(results.get("itemsUpdated").asLong()).isEqualTo(((Number) sums.get("updated")).longValue())
                .isPositive();
        assertThat(results.get("itemsDeleted").asLong()).isEqualTo(((Number) sums.get("deleted")).longValue())
                .isPositive();
        assertThat(results.get("itemsKeptCourseManaged").asLong()).isEqualTo(((Number) sums.get("kept"))
                .longValue()).isEqualTo(1);
    }

    @Test
    void a_finished_push_shows_when_it_ran_how_long_how_often_and_where() {
        UUID id = PushWithResults.run(context);
        Map<String, Object> row = inAlpha(() -> jdbc.queryForMap("select ran_on, attempts from push_request"
                + " where id = ?", id));

        JsonNode push = resource(id);

        Instant started = Instant.parse(push.get("startedAt").asString());
        Instant finished = Instant.parse(push.get("finishedAt").asString());
        assertThat(push.get("status").asString()).isEqualTo("COMPLETED_WITH_WARNINGS");
        assertThat(push.get("durationMs").asLong()).isEqualTo(Duration.between(started, finished).toMillis())
                .isNotNegative();
        assertThat(push.get("attempts").asInt()).isEqualTo(row.get("attempts")).isEqualTo(1);
        assertThat(push.get("ranOn").asString()).isEqualTo(row.get("ran_on")).isNotBlank();
    }

    @Test
    void a_request_that_has_not_run_has_null_times_no_attempt_no_node_and_zero_results() {
        PushFixture f = new PushFixture(context).build();
        UUID id = stored(f, PushStatus.SCHEDULED);

        JsonNode push = resource(id);

        for (String field : List.of("startedAt", "finishedAt", "durationMs", "ranOn")) {
            assertThat(push.has(field)).as(field).isTrue();
            assertThat(push.get(field).isNull()).as(field).isTrue();
        }
        assertThat(push.get("attempts").asInt()).isZero();
        assertThat(push.get("results").propertyNames()).containsExactly("coursesPushed", "coursesSkipped",
                "coursesFailed", "itemsCreated", "itemsUpdated", "itemsDeleted", "itemsKeptCourseManaged");
        push.get("results").forEach(count -> assertThat(count.asInt()).isZero());
    }

    @Test
    void links_offer_what_the_status_allows_and_leave_out_the_rest() {
        PushFixture f = new PushFixture(context).build();
        Map<PushStatus, List<String>> expected = Map.of(
                PushStatus.SCHEDULED, List.of("self", "cancel"),
                PushStatus.QUEUED, List.of("self", "cancel"),
                PushStatus.RUNNING, List.of("self"),
                PushStatus.COMPLETED, List.of("self", "report"),
                PushStatus.COMPLETED_WITH_WARNINGS, List.of("self", "report"),
                PushStatus.FAILED, List.of("self", "report", "restart"),
                PushStatus.CANCELLED, List.of("self", "report", "restart"));
        for (PushStatus status : PushStatus.values()) {
            UUID id = stored(f, status);
            String self = "/api/v1/pushes/" + id;

            JsonNode links = resource(id).get("links");

            assertThat(links.propertyNames()).as(status.name()).containsExactlyInAnyOrderElementsOf(
                    expected.get(status));
            assertLink(links, "self", self, "GET");
            if (links.has("report")) {
                assertLink(links, "report", self + "/report", "GET");
            }
            if (links.has("cancel")) {
                assertLink(links, "cancel", self, "DELETE");
            }
            if (links.has("restart")) {
                assertLink(links, "restart", self + "/restart", "POST");
            }
        }
        UUID running = stored(f, PushStatus.RUNNING);
        f.inAlpha(() -> f.jdbc.update("insert into push_report_row (request_id, outcome, reason) values (?, "
                + "'Not pushed', 'NOT_LOCKED')", running));
        assertThat(resource(running).get("links").propertyNames()).as("a running push with report rows")
                .containsExactlyInAnyOrder("self", "report");
    }

    @Test
    void the_list_and_the_submit_answer_carry_the_same_resource() {
        PushFixture f = new PushFixture(context).build();
        String body = """
                {"catalogId": %d, "schoolYearId": %d, "mode": "PUSH_LOCKED", "scheduledAt": "%s"}
                """.formatted(f.catalog, f.current, Instant.now().plus(2, ChronoUnit.HOURS));

        ResponseEntity<String> submitted = api().post("alpha.push", "/api/v1/pushes", body);

        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
        JsonNode answer = api().json(submitted.getBody());
        JsonNode listed = api().json(api().get("alpha.viewer", "/api/v1/pushes").getBody()).get(0);
        assertThat(listed).isEqualTo(answer);
        assertThat(answer.get("links").propertyNames()).containsExactlyInAnyOrder("self", "cancel");
    }

    @Test
    void the_json_report_has_the_csvs_rows_field_by_field_page_by_page() throws Exception {
        UUID id = PushWithResults.run(context);
        String csv = new String(api().as("alpha.viewer").get().uri("/api/v1/pushes/{id}/report", id)
                .header(HttpHeaders.ACCEPT, "text/csv").retrieve().body(byte[].class), StandardCharsets.UTF_8)
                .substring(1);
        List<List<String>> csvRows;
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            csvRows = parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
        assertThat(csvRows).hasSizeGreaterThanOrEqualTo(3);

        List<JsonNode> jsonRows = new ArrayList<>();
        URI next = URI.create("http://localhost:" + port + "/api/v1/pushes/" + id + "/report?limit=2");
        int pages = 0;
        while (next != null) {
            ResponseEntity<String> page = api().as("alpha.viewer").get().uri(next)
                    .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE).retrieve().toEntity(String.class);
            assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
            assertThat(page.getHeaders().getContentType()).isNotNull()
                    .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
            JsonNode rows = api().json(page.getBody());
            assertThat(rows.size()).isBetween(1, 2);
            rows.forEach(jsonRows::add);
            next = nextLink(page);
            pages++;
        }

        assertThat(pages).isEqualTo((csvRows.size() + 1) / 2);
        List<String> fields = List.of("school", "courseNumber", "courseName", "section", "dataType", "item",
                "outcome", "reason", "assignments", "scores", "postedGrades", "comments", "details");
        List<List<String>> asCsv = jsonRows.stream().map(row -> {
            assertThat(row.propertyNames()).containsExactlyElementsOf(fields);
            return fields.stream().map(name -> row.get(name).isNull() ? "" : row.get(name).asString()).toList();
        }).toList();
        assertThat(asCsv).isEqualTo(csvRows);
        assertThat(jsonRows).extracting(r -> r.get("reason").asString())
                .contains("SKIPPED_IGNORE_MASTER_PUSH", "DESYNCED", "RESIDUAL_HAS_DEPENDENTS");
        assertThat(jsonRows).filteredOn(r -> r.get("reason").asString().equals("RESIDUAL_HAS_DEPENDENTS"))
                .allMatch(r -> r.get("assignments").isInt() && r.get("assignments").asInt() == 1);
    }

    private static URI nextLink(ResponseEntity<String> page) {
        String link = page.getHeaders().getFirst(HttpHeaders.LINK);
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        assertThat(next.find()).as(link).isTrue();
        return URI.create(next.group(1));
    }

    private static void assertLink(JsonNode links, String name, String href, String method) {
        assertThat(links.get(name).get("href").asString()).as(name).isEqualTo(href);
        assertThat(links.get(name).get("method").asString()).as(name).isEqualTo(method);
    }

    private UUID stored(PushFixture f, PushStatus status) {
        return f.inAlpha(() -> store.create(PushCommand.catalog(f.catalog, f.current,
                        app.cascade.push.engine.PushMode.PUSH_LOCKED, false,
                        EnumSet.allOf(app.cascade.grading.LockType.class)), "alpha.push", "Alpha Pusher", status,
                Instant.now().plus(1, ChronoUnit.HOURS)));
    }
}
