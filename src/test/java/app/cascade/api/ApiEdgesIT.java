package app.cascade.api;

import app.cascade.ApiClient;
import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of the REST API (issue 17): a path that is no endpoint under {@code /api/} (a trailing slash included)
 * is a 404 problem and never the UI's page, a wrong method a 405 problem, an unauthenticated caller learns nothing
 * but 401; and the one rule of {@code X-Cascade-District}: a district that is not the caller's answers the same 403
 * problem for a caller of one district ({@code alpha.admin}, as {@code lakeside.admin} in the demo) and of several
 * ({@code both.admin}, as {@code regional.admin}), whether it exists ({@code beta}) or not ({@code nowhere}).
 */
@CascadeIntegrationTest
class ApiEdgesIT {

    static final String NOT_FOUND = "https://cascade.app/problems/not-found";
    static final String NOT_YOUR_DISTRICT = "https://cascade.app/problems/not-your-district";
    static final String HEADER = "X-Cascade-District";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private ResponseEntity<String> get(String user, String path, String district) {
        return api.as(user).get().uri(path).header(HEADER, district).retrieve().toEntity(String.class);
    }

    /** A 404 problem of the path itself (no endpoint), with nothing of a page or a stack trace in it. */
    private JsonNode noEndpoint(ResponseEntity<String> response, String path) {
        JsonNode problem = api.problem(response, 404);
        assertThat(problem.get("type").asString()).isEqualTo(NOT_FOUND);
        assertThat(problem.get("detail").asString()).contains("GET " + path);
        assertThat(problem.get("instance").asString()).isEqualTo(path);
        assertThat(response.getBody()).doesNotContainIgnoringCase("<html").doesNotContain("Exception", "vaadin",
                "at app.cascade");
        return problem;
    }

    // ---- unknown paths ----

    @Test
    void an_unknown_path_under_api_is_a_404_problem_naming_the_path() {
        for (String path : List.of("/api/v1/nothing-here", "/api/v2/pushes", "/api/anything",
                "/api/v1/pushes/" + UUID.randomUUID() + "/report/extra")) {
            noEndpoint(api.get("alpha.viewer", path), path);
        }
    }

    @Test
    void a_known_path_with_a_trailing_slash_is_a_404_problem_and_never_the_ui_page() {
        String push = "/api/v1/pushes/" + UUID.randomUUID();
        assertThat(api.problem(api.get("alpha.viewer", push), 404).get("type").asString())
                .as("the path without the slash is an endpoint").endsWith("/push-request-not-found");
        assertThat(api.get("alpha.viewer", "/api/v1/school-years").getStatusCode().value()).isEqualTo(200);

        for (String path : List.of(push + "/", "/api/v1/school-years/", "/api/v1/pushes/", "/api/v1/")) {
            JsonNode problem = noEndpoint(api.get("alpha.viewer", path), path);
            assertThat(problem.get("detail").asString()).contains("never end with a slash");
        }
    }

    @Test
    void a_wrong_method_on_a_known_path_is_a_405_problem_that_names_the_allowed_ones() {
        ResponseEntity<String> response = api.delete("alpha.admin", "/api/v1/school-years");

        JsonNode problem = api.problem(response, 405);
        assertThat(problem.get("detail").asString()).contains("DELETE");
        assertThat(response.getHeaders().getAllow()).extracting(Object::toString).contains("GET");
    }

    @Test
    void an_unauthenticated_caller_of_an_unknown_path_gets_the_same_401_as_of_a_known_one() {
        ResponseEntity<String> known = api.get(null, "/api/v1/school-years");
        assertThat(known.getStatusCode().value()).isEqualTo(401);

        for (String path : List.of("/api/v1/nothing-here", "/api/anything/", "/api/v1/pushes/" + UUID.randomUUID()
                + "/")) {
            ResponseEntity<String> unknown = api.get(null, path);
            assertThat(unknown.getStatusCode().value()).as(path).isEqualTo(401);
            assertThat(unknown.getBody()).as(path).isNullOrEmpty();
            assertThat(unknown.getHeaders().getLocation()).as(path).isNull();
            assertThat(unknown.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo(known.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE));
        }
    }

    @Test
    void the_event_stream_still_streams() throws Exception {
        HttpResponse<String> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/events?seconds=1"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "alpha.viewer:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        assertThat(events.body()).contains("event:ready");
    }

    @Test
    void the_jobs_dashboards_paths_under_api_stay_pages_that_send_a_visitor_to_sign_in() throws Exception {
        HttpResponse<String> relay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/jobs")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(relay.statusCode()).isEqualTo(302);
        assertThat(relay.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    // ---- X-Cascade-District ----

    @ParameterizedTest(name = "{0} naming {1}")
    @CsvSource({"alpha.admin, beta, alpha", "alpha.admin, nowhere, alpha", "alpha.admin, cedar, alpha",
            "both.admin, nowhere, 'alpha, beta'", "both.admin, cedar, 'alpha, beta'", "alpha.viewer, beta, alpha",
            "support, alpha, none"})
    void a_district_header_naming_a_district_that_is_not_the_callers_is_the_same_403_problem_for_every_caller(
            String user, String named, String theirs) {
        ResponseEntity<String> response = get(user, "/api/v1/school-years", named);

        JsonNode problem = api.problem(response, 403);
        assertThat(problem.get("type").asString()).isEqualTo(NOT_YOUR_DISTRICT);
        assertThat(problem.get("title").asString()).isEqualTo("Not your district");
        assertThat(problem.get("detail").asString()).isEqualTo("\"" + named + "\" is not one of your districts ("
                + theirs + "): the X-Cascade-District header must name one of them");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/school-years");
        assertThat(names(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
        assertThat(response.getBody()).doesNotContain("Alpha", "Beta", "26-27");
    }

    @Test
    void a_caller_of_one_district_and_a_caller_of_several_get_one_and_the_same_problem_but_for_their_districts() {
        JsonNode single = api.problem(get("alpha.admin", "/api/v1/pushes", "nowhere"), 403);
        JsonNode multi = api.problem(get("both.admin", "/api/v1/pushes", "nowhere"), 403);

        assertThat(single.get("detail").asString().replace("(alpha)", "(…)"))
                .isEqualTo(multi.get("detail").asString().replace("(alpha, beta)", "(…)"));
        assertThat(without(single, "detail")).isEqualTo(without(multi, "detail"));
    }

    @Test
    void a_district_header_naming_the_callers_own_district_is_fine() {
        assertThat(api.json(get("alpha.admin", "/api/v1/district", "alpha").getBody()).get("district").asString())
                .isEqualTo("alpha");
        assertThat(api.json(get("both.admin", "/api/v1/district", "beta").getBody()).get("district").asString())
                .isEqualTo("beta");
        assertThat(api.json(get("both.admin", "/api/v1/district", " alpha ").getBody()).get("district").asString())
                .isEqualTo("alpha");
        assertThat(get("alpha.admin", "/api/v1/school-years", "").getStatusCode().value())
                .as("an empty header names nothing").isEqualTo(200);
    }

    @Test
    void a_caller_of_several_districts_without_the_header_is_told_to_send_it() {
        JsonNode problem = api.problem(api.get("both.admin", "/api/v1/school-years"), 400);

        assertThat(problem.get("type").asString()).isEqualTo("https://cascade.app/problems/district-required");
        assertThat(problem.get("detail").asString()).contains("(alpha, beta)", HEADER);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static JsonNode without(JsonNode problem, String property) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) problem.deepCopy();
        copy.remove(property);
        return copy;
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/pushes", "/api/v1/catalogs", "/api/v1/school-years", "/api/v1/masters?catalogId=1",
            "/api/v1/calendars?schoolYearId=1", "/api/v1/courses?calendarId=1", "/api/v1/reports/residual",
            "/api/v1/reports/course-audit", "/api/v1/district"})
    void a_caller_of_no_district_is_refused_with_the_same_403_problem_by_every_endpoint_never_a_server_error(
            String path) {
        JsonNode problem = api.problem(api.get("stranger", path), 403);

        assertThat(problem.get("type").asString()).isEqualTo("https://cascade.app/problems/forbidden");
        assertThat(problem.get("detail").asString()).isEqualTo("You are not a member of a district this call could "
                + "be about");
    }
}
