package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The push request REST API over HTTP, with the dev users' Basic credentials, on district alpha's fixture. */
@CascadeIntegrationTest
class PushApiIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    final JsonMapper mapper = JsonMapper.builder().build();
    PushFixture f;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
    }

    private RestClient client(String user) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                });
        if (user != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    /** A valid body for the fixture's catalog and current year, with extra JSON members appended (or replaced). */
    private String body(String extra) {
        String base = "\"catalogId\": %d, \"schoolYearId\": %d, \"mode\": \"PUSH_LOCKED\", \"toSections\": true"
                .formatted(f.catalog, f.current);
        return "{" + base + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private ResponseEntity<String> post(String user, String path, String json) {
        return client(user).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return client(user).get().uri(path).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> delete(String user, String path) {
        return client(user).delete().uri(path).retrieve().toEntity(String.class);
    }

    private ResponseEntity<byte[]> report(String user, String id, String accept) {
        return client(user).get().uri("/api/v1/pushes/{id}/report", id).header(HttpHeaders.ACCEPT, accept)
                .retrieve().toEntity(byte[].class);
    }

    private JsonNode json(ResponseEntity<String> response) {
        return mapper.readTree(response.getBody());
    }

    private String submit(String extra) {
        ResponseEntity<String> response = post("alpha.push", "/api/v1/pushes", body(extra));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        return json(response).get("id").asString();
    }

    private List<String> ids(ResponseEntity<String> list) {
        assertThat(list.getStatusCode().value()).as(list.getBody()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(list).forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    private JsonNode assertProblem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

    private void assertBadField(ResponseEntity<String> response, String field) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).startsWith(field);
    }

    private long storedRequests() {
        return f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_request", Long.class));
    }

    @Test
    void push_admin_submits_run_now_and_the_request_completes() {
        ResponseEntity<String> response = post("alpha.push", "/api/v1/pushes", body(""));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        JsonNode accepted = json(response);
        String id = accepted.get("id").asString();
        assertThat(response.getHeaders().getLocation()).isNotNull();
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/pushes/" + id);
        assertThat(accepted.get("status").asString()).isIn("QUEUED", "RUNNING", "COMPLETED");
        assertThat(accepted.get("kind").asString()).isEqualTo("CATALOG");
        assertThat(accepted.get("catalog").asString()).isEqualTo("High School Catalog");
        assertThat(accepted.get("schoolYear").asString()).isEqualTo("26-27");
        assertThat(accepted.get("mode").asString()).isEqualTo("PUSH_LOCKED");
        assertThat(accepted.get("toSections").asBoolean()).isTrue();
        assertThat(accepted.get("submittedBy").asString()).isEqualTo("alpha.push");
        List<String> types = new ArrayList<>();
        accepted.get("types").forEach(t -> types.add(t.asString()));
        assertThat(types).containsExactly("COURSE_INFO", "TASKS_STANDARDS", "CALC_OPTIONS", "COMPOSITES",
                "CATEGORIES", "ASSESSMENTS");

        String location = response.getHeaders().getLocation().getPath();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json(get("alpha.push", location)).get("status").asString()).isEqualTo("COMPLETED"));
        JsonNode done = json(get("alpha.viewer", location));
        assertThat(done.get("coursesDone").asInt()).isEqualTo(3);

        ResponseEntity<byte[]> csv = report("alpha.viewer", id, "text/csv");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType()).isNotNull().matches(t -> t.isCompatibleWith(TEXT_CSV));
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).startsWith("\uFEFFSchool,Course number,");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("push-report-high-school-catalog-26-27-" + id.substring(0, 8) + ".csv");
        assertThat(csv.getHeaders().getContentDisposition().isAttachment()).isTrue();

        ResponseEntity<byte[]> pdf = report("alpha.viewer", id, "application/pdf");
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).endsWith(".pdf");

        assertThat(report("alpha.viewer", id, "text/csv;q=0.5, application/pdf").getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(report("alpha.viewer", id, "*/*").getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(TEXT_CSV));
        ResponseEntity<byte[]> json = report("alpha.viewer", id, "application/json");
        assertThat(json.getStatusCode().value()).isEqualTo(200);
        assertThat(json.getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
        assertThat(mapper.readTree(json.getBody()).isArray()).isTrue();
        assertThat(report("alpha.viewer", id, "image/png").getStatusCode().value()).isEqualTo(406);
        assertThat(report("support", id, "text/csv").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void the_list_is_newest_first_and_only_of_the_users_district() {
        String now = submit("");
        String later = submit("\"scheduledAt\": \"" + Instant.now().plus(2, ChronoUnit.HOURS) + "\"");
        String farFuture = submit("\"scheduledAt\": \"" + Instant.now().plus(3, ChronoUnit.DAYS) + "\"");

        List<String> alpha = ids(get("alpha.viewer", "/api/v1/pushes"));
        assertThat(alpha).containsExactly(farFuture, later, now); // no default window: every request
        assertThat(ids(get("alpha.viewer", "/api/v1/pushes?to=" + Instant.now().plus(1, ChronoUnit.DAYS))))
                .containsExactly(later, now);

        List<String> wide = ids(get("alpha.push", "/api/v1/pushes?to=" + Instant.now().plus(5, ChronoUnit.DAYS)
                + "&limit=2"));
        assertThat(wide).containsExactly(farFuture, later);

        assertThat(ids(get("beta.push", "/api/v1/pushes"))).doesNotContain(now, later, farFuture);
        assertThat(ids(get("beta.viewer", "/api/v1/pushes?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z")))
                .doesNotContain(now, later, farFuture);
    }

    @Test
    void another_districts_request_is_not_found_never_forbidden() {
        String id = submit("\"scheduledAt\": \"" + Instant.now().plus(2, ChronoUnit.HOURS) + "\"");

        assertProblem(get("beta.push", "/api/v1/pushes/" + id), 404);
        assertProblem(get("beta.viewer", "/api/v1/pushes/" + id), 404);
        assertProblem(delete("beta.push", "/api/v1/pushes/" + id), 404);
        assertProblem(post("beta.push", "/api/v1/pushes/" + id + "/restart", ""), 404);
        ResponseEntity<byte[]> report = report("beta.push", id, "text/csv");
        assertThat(report.getStatusCode().value()).isEqualTo(404);
        assertThat(report.getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(report("alpha.viewer", id, "text/csv").getStatusCode().value()).isEqualTo(200);
        assertProblem(get("alpha.push", "/api/v1/pushes/" + java.util.UUID.randomUUID()), 404);

        assertThat(json(get("alpha.push", "/api/v1/pushes/" + id)).get("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void roles_are_enforced_and_anonymous_callers_get_401() {
        long before = storedRequests();

        assertProblem(post("alpha.viewer", "/api/v1/pushes", body("")), 403);
        assertProblem(post("alpha.admin", "/api/v1/pushes", body("")), 403);
        assertProblem(post("alpha.viewer", "/api/v1/pushes/preview", body("")), 403);
        assertProblem(get("support", "/api/v1/pushes"), 403);
        assertThat(post(null, "/api/v1/pushes", body("")).getStatusCode().value()).isEqualTo(401);
        assertThat(get(null, "/api/v1/pushes").getStatusCode().value()).isEqualTo(401);

        assertThat(storedRequests()).isEqualTo(before);
        assertThat(get("alpha.viewer", "/api/v1/pushes").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void bad_values_are_400_problems_naming_the_field() {
        long before = storedRequests();
        String ok = body("");

        assertBadField(post("alpha.push", "/api/v1/pushes", ok.replace("\"catalogId\": " + f.catalog,
                "\"catalogId\": 999999")), "catalogId");
        assertBadField(post("alpha.push", "/api/v1/pushes", ok.replace("\"schoolYearId\": " + f.current,
                "\"schoolYearId\": 999999")), "schoolYearId");
        assertBadField(post("alpha.push", "/api/v1/pushes", body("\"types\": [\"CATEGORIES\", \"FOO\"]")), "types");
        assertBadField(post("alpha.push", "/api/v1/pushes", body("\"types\": []")), "types");
        assertBadField(post("alpha.push", "/api/v1/pushes", ok.replace("PUSH_LOCKED", "X")), "mode");
        assertBadField(post("alpha.push", "/api/v1/pushes", body("\"scheduledAt\": \"yesterday\"")), "scheduledAt");
        assertBadField(post("alpha.push", "/api/v1/pushes", body("\"scheduledAt\": \"2020-01-01T00:00:00Z\"")),
                "scheduledAt");
        assertBadField(post("alpha.push", "/api/v1/pushes", body("\"kind\": \"MASTER\"")), "masterId");
        assertBadField(post("alpha.push", "/api/v1/pushes", "{\"catalogId\": " + f.catalog
                + ", \"schoolYearId\": " + f.current + "}"), "mode");
        assertBadField(post("alpha.push", "/api/v1/pushes", "{\"catalogId\": "), "body");
        assertThat(json(post("alpha.push", "/api/v1/pushes", "")).get("detail").asString())
                .isEqualTo("body: A JSON request body is required");
        assertBadField(post("alpha.push", "/api/v1/pushes/preview", ok.replace("PUSH_LOCKED", "X")), "mode");
        assertBadField(get("alpha.push", "/api/v1/pushes?from=yesterday"), "from");
        assertBadField(get("alpha.push", "/api/v1/pushes?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z"), "from");
        assertBadField(get("alpha.push", "/api/v1/pushes/not-a-uuid"), "id");

        assertThat(json(post("alpha.push", "/api/v1/pushes", body("\"types\": [\"FOO\"]"))).get("detail").asString())
                .startsWith("types[0]: unknown value 'FOO'").contains("COURSE_INFO", "ASSESSMENTS");
        assertThat(json(post("alpha.push", "/api/v1/pushes", ok.replace("PUSH_LOCKED", "X"))).get("detail")
                .asString()).isEqualTo("mode: unknown value 'X'; expected one of PUSH_LOCKED, OVERWRITE");
        assertThat(json(post("alpha.push", "/api/v1/pushes", body("\"scheduledAt\": \"yesterday\""))).get("detail")
                .asString()).contains("'yesterday'", "ISO-8601");
        assertThat(json(post("alpha.push", "/api/v1/pushes", ok.replace("\"catalogId\": " + f.catalog,
                "\"catalogId\": 999999"))).get("detail").asString()).isEqualTo("catalogId: No course catalog 999999");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void a_scheduled_request_can_be_cancelled_once_and_then_restarted() {
        String id = submit("\"scheduledAt\": \"" + Instant.now().plus(2, ChronoUnit.HOURS) + "\"");
        assertThat(json(get("alpha.push", "/api/v1/pushes/" + id)).get("status").asString()).isEqualTo("SCHEDULED");

        ResponseEntity<String> cancelled = delete("alpha.push", "/api/v1/pushes/" + id);
        assertThat(cancelled.getStatusCode().value()).as(cancelled.getBody()).isEqualTo(204);
        assertThat(json(get("alpha.viewer", "/api/v1/pushes/" + id)).get("status").asString())
                .isEqualTo("CANCELLED");

        JsonNode again = assertProblem(delete("alpha.push", "/api/v1/pushes/" + id), 409);
        assertThat(again.get("detail").asString()).contains("CANCELLED");
        assertProblem(delete("alpha.viewer", "/api/v1/pushes/" + id), 403);

        ResponseEntity<String> restarted = post("alpha.push", "/api/v1/pushes/" + id + "/restart", "");
        assertThat(restarted.getStatusCode().value()).as(restarted.getBody()).isEqualTo(202);
        String newId = json(restarted).get("id").asString();
        assertThat(newId).isNotEqualTo(id);
        assertThat(restarted.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/pushes/" + newId);
        // the restart keeps the schedule: its time is still ahead
        assertThat(json(restarted).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(json(restarted).get("scheduledAt").asString())
                .isEqualTo(json(get("alpha.push", "/api/v1/pushes/" + id)).get("scheduledAt").asString());
        assertThat(json(restarted).get("submittedBy").asString()).isEqualTo("alpha.push");
        assertThat(json(restarted).get("submittedByName").asString()).isEqualTo("Alpha Pusher");
        assertProblem(post("alpha.push", "/api/v1/pushes/" + newId + "/restart", ""), 409);
    }

    @Test
    void restarting_an_overwrite_of_a_year_that_has_started_needs_confirm_overwrite() {
        ResponseEntity<String> submitted = post("alpha.push", "/api/v1/pushes", body("\"scheduledAt\": \""
                + Instant.now().plus(2, ChronoUnit.HOURS) + "\"").replace("PUSH_LOCKED", "OVERWRITE"));
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
        String id = json(submitted).get("id").asString();
        assertThat(delete("alpha.push", "/api/v1/pushes/" + id).getStatusCode().value()).isEqualTo(204);
        long before = storedRequests();

        assertBadField(post("alpha.push", "/api/v1/pushes/" + id + "/restart", ""), "confirmOverwrite");
        assertThat(storedRequests()).isEqualTo(before);

        ResponseEntity<String> confirmed = post("alpha.push", "/api/v1/pushes/" + id + "/restart?confirmOverwrite=true",
                "");
        assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isEqualTo(202);
        assertThat(json(confirmed).get("mode").asString()).isEqualTo("OVERWRITE");
        assertThat(storedRequests()).isEqualTo(before + 1);
    }

    @Test
    void preview_shows_what_would_change_and_stores_nothing() {
        f.eng.with(app.cascade.catalog.ItemSpec.task("S2", "Semester 2"));
        long before = storedRequests();
        List<String> data = f.snapshot();

        ResponseEntity<String> response = post("alpha.push", "/api/v1/pushes/preview", body(""));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode preview = json(response);
        assertThat(preview.get("courses").size()).isEqualTo(3);
        assertThat(preview.get("totals").get("created").asInt()).isPositive();
        assertThat(preview.get("rows").isArray()).isTrue();
        assertThat(storedRequests()).isEqualTo(before);
        assertThat(f.snapshot()).isEqualTo(data);
    }

    @Test
    void openapi_describes_the_push_endpoints() {
        ResponseEntity<String> docs = get(null, "/v3/api-docs");
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("/api/v1/pushes", "/api/v1/pushes/{id}", "/api/v1/pushes/preview",
                "/api/v1/pushes/{id}/restart", "/api/v1/pushes/{id}/report", "Push requests");
        JsonNode api = json(docs);
        List<String> listParameters = new ArrayList<>();
        api.get("paths").get("/api/v1/pushes").get("get").get("parameters")
                .forEach(p -> listParameters.add(p.get("name").asString()));
        assertThat(listParameters).containsExactlyInAnyOrder("status", "kind", "catalogId", "from", "to", "limit",
                "cursor");
        List<String> submitParameters = new ArrayList<>();
        api.get("paths").get("/api/v1/pushes").get("post").get("parameters")
                .forEach(p -> submitParameters.add(p.get("in").asString() + ":" + p.get("name").asString()));
        assertThat(submitParameters).containsExactly("header:Idempotency-Key");
        assertThat(api.get("components").get("schemas").get("PushRequest").get("properties").propertyNames())
                .contains("startedAt", "finishedAt", "durationMs", "attempts", "ranOn", "results", "links");
        assertThat(api.get("components").get("schemas").propertyNames()).contains("PushResults", "PushLinks",
                "PushReportRow");
    }

    @Test
    void openapi_lists_each_push_endpoints_error_responses() {
        JsonNode paths = json(get(null, "/v3/api-docs")).get("paths");
        String admin = "Not a push admin of the district";
        String viewer = "Not a viewer of a district";

        assertResponses(paths, "/api/v1/pushes/preview", "post", admin, "200", "400", "401", "403", "413", "500",
                "503");
        assertResponses(paths, "/api/v1/pushes", "get", viewer, "200", "400", "401", "403", "500", "503");
        assertResponses(paths, "/api/v1/pushes/{id}", "get", viewer, "200", "401", "403", "404", "500", "503");
        assertResponses(paths, "/api/v1/pushes/{id}", "delete", admin, "204", "401", "403", "404", "409", "500",
                "503");
        assertResponses(paths, "/api/v1/pushes/{id}/restart", "post", admin, "202", "400", "401", "403", "404", "409",
                "500", "503");
        assertResponses(paths, "/api/v1/pushes/{id}/report", "get", viewer, "200", "400", "401", "403", "404", "406",
                "500", "503");
        assertResponses(paths, "/api/v1/pushes", "post", admin, "200", "202", "400", "401", "403", "413", "422",
                "500", "503");
        assertResponses(paths, "/api/v1/pushes/{id}/undo", "post", admin, "202", "401", "403", "404", "409", "500",
                "503");
        assertResponses(paths, "/api/v1/pushes/{id}/undo-preview", "get", admin, "200", "401", "403", "404", "409",
                "500", "503");
        assertThat(paths.get("/api/v1/pushes/{id}/undo").get("post").get("tags").get(0).asString())
                .isEqualTo("Push requests");
        assertThat(paths.get("/api/v1/pushes/{id}/undo").get("post").get("responses").get("409").get("content")
                .get(MediaType.APPLICATION_PROBLEM_JSON_VALUE).get("examples").has("undoneAlready")).isTrue();
        JsonNode submit400 = paths.get("/api/v1/pushes").get("post").get("responses").get("400");
        assertThat(submit400.get("description").asString()).contains("A bad field");
        assertThat(paths.get("/api/v1/pushes").get("get").get("responses").get("400").get("description").asString())
                .isEqualTo("A bad parameter, named in `field`");
        assertThat(paths.get("/api/v1/pushes/{id}").get("get").get("responses").get("404").get("description")
                .asString()).startsWith("No such thing in the caller's district");
        JsonNode submit = paths.get("/api/v1/pushes").get("post").get("responses");
        assertThat(submit.get("413").get("description").asString()).contains("64 KB");
        assertThat(submit.get("500").get("description").asString()).contains("correlationId");
        assertThat(submit.get("503").get("description").asString()).contains("Retry-After");
    }

    /**
     * The operation documents exactly these response codes; 401 has no body; 403 names who may call it; every 4xx
     * but 401 and 406, and every 5xx, is a problem detail.
     */
    private static void assertResponses(JsonNode paths, String path, String method, String forbidden,
                                         String... codes) {
        JsonNode responses = paths.get(path).get(method).get("responses");
        String operation = method.toUpperCase() + " " + path;
        assertThat(responses.propertyNames()).as(operation).containsExactlyInAnyOrder(codes);
        assertThat(responses.get("401").get("description").asString()).as(operation).isEqualTo("Not authenticated");
        assertThat(responses.get("401").has("content")).as(operation).isFalse();
        assertThat(responses.get("403").get("description").asString()).as(operation).startsWith(forbidden);
        for (String code : codes) {
            if ((code.startsWith("4") || code.startsWith("5")) && !code.equals("401") && !code.equals("406")) {
                JsonNode problem = responses.get(code).get("content").get(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertThat(problem).as(operation + " " + code).isNotNull();
                assertThat(problem.get("schema").get("$ref").asString()).as(operation + " " + code)
                        .endsWith("/Problem");
            }
        }
    }
}
