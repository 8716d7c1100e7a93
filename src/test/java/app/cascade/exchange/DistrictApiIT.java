package app.cascade.exchange;

import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over HTTP with the dev users' Basic credentials. */
@CascadeIntegrationTest
class DistrictApiIT {

    static final String DOC = """
            {"format": "cascade.district/v1",
             "schoolYears": [{"code": "26-27", "startDate": "2026-08-17", "endDate": "2027-06-04"}],
             "catalogs": [{"name": "Api Test Catalog", "locks": ["CATEGORIES"], "masters": [
               {"number": "API100", "name": "Api Studies", "items": [
                 {"id": "00000000-0000-4000-8000-0000000a0001", "type": "CATEGORY", "name": "Labs"}]}]}],
             "schools": [{"code": "APIS", "name": "Api Test School", "calendars": [{"year": "26-27",
               "name": "APIS 26-27", "courses": [{"number": "API100", "name": "Api Studies",
                 "master": {"catalog": "Api Test Catalog", "number": "API100"}}]}]}]}
            """;

    @Value("${local.server.port}")
    int port;
    final JsonMapper mapper = JsonMapper.builder().build();

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

    private ResponseEntity<String> put(String user, String body) {
        return client(user).put().uri("/api/v1/district").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> get(String user) {
        return client(user).get().uri("/api/v1/district").retrieve().toEntity(String.class);
    }

    @Test
    void admin_imports_viewer_reads_and_other_districts_never_see_it() {
        ResponseEntity<String> imported = put("alpha.admin", DOC);
        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        JsonNode summary = mapper.readTree(imported.getBody());
        assertThat(summary.get("district").asString()).isEqualTo("alpha");
        assertThat(summary.get("courses").asInt()).isEqualTo(1);

        ResponseEntity<String> export = get("alpha.viewer");
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
        JsonNode document = mapper.readTree(export.getBody());
        assertThat(document.get("district").asString()).isEqualTo("alpha");
        assertThat(export.getBody()).contains("Api Test Catalog", "00000000-0000-4000-8000-0000000a0001");

        ResponseEntity<String> beta = get("beta.viewer");
        assertThat(beta.getStatusCode().value()).isEqualTo(200);
        assertThat(mapper.readTree(beta.getBody()).get("district").asString()).isEqualTo("beta");
        assertThat(beta.getBody()).doesNotContain("Api Test Catalog", "0000000a0001");

        // naming another district in the header does not help a user who is no member of it: refused, never ignored
        ResponseEntity<String> sneaky = client("beta.viewer").get().uri("/api/v1/district")
                .header("X-Cascade-District", "alpha").retrieve().toEntity(String.class);
        assertThat(sneaky.getStatusCode().value()).isEqualTo(403);
        assertThat(sneaky.getBody()).doesNotContain("Api Test Catalog");
    }

    @Test
    void a_user_of_several_districts_names_one_in_a_header_or_gets_a_problem_saying_so() {
        ResponseEntity<String> unnamed = get("both.admin");
        assertThat(unnamed.getStatusCode().value()).isEqualTo(400);
        assertThat(unnamed.getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode problem = mapper.readTree(unnamed.getBody());
        assertThat(problem.get("type").asString()).endsWith("/district-required");
        assertThat(problem.get("detail").asString()).contains("alpha, beta", "X-Cascade-District");

        ResponseEntity<String> elsewhere = client("both.admin").get().uri("/api/v1/district")
                .header("X-Cascade-District", "gamma").retrieve().toEntity(String.class);
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(403);
        assertThat(mapper.readTree(elsewhere.getBody()).get("detail").asString())
                .isEqualTo("\"gamma\" is not one of your districts (alpha, beta): the X-Cascade-District header "
                        + "must name one of them");

        ResponseEntity<String> named = client("both.admin").get().uri("/api/v1/district")
                .header("X-Cascade-District", "beta").retrieve().toEntity(String.class);
        assertThat(named.getStatusCode().value()).isEqualTo(200);
        assertThat(mapper.readTree(named.getBody()).get("district").asString()).isEqualTo("beta");
    }

    @Test
    void viewer_cannot_import() {
        assertThat(put("alpha.viewer", DOC).getStatusCode().value()).isEqualTo(403);
        assertThat(put("alpha.push", DOC).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void support_cannot_export() {
        assertThat(get("support").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void unauthenticated_is_401() {
        assertThat(get(null).getStatusCode().value()).isEqualTo(401);
        assertThat(put(null, DOC).getStatusCode().value()).isEqualTo(401);
        assertThat(get("alpha.admin").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_is_401_not_a_redirect_to_the_sign_in_page() {
        ResponseEntity<String> response = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, r) -> {
                }).build().get().uri("/api/v1/district")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString("alpha.admin:wrong".getBytes(StandardCharsets.UTF_8)))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void bad_document_is_a_problem_detail_naming_the_path() {
        String bad = DOC.replace("\"number\": \"API100\"}}", "\"number\": \"API999\"}}");
        assertThat(bad).isNotEqualTo(DOC);
        ResponseEntity<String> response = put("alpha.admin", bad);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode problem = mapper.readTree(response.getBody());
        String path = "$.schools[0].calendars[0].courses[0].master.number";
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).startsWith(path + ": no master API999");
        assertThat(problem.get("path").asString()).isEqualTo(path);
        assertThat(problem.get("errors").get(0).get("path").asString()).isEqualTo(path);

        ResponseEntity<String> schema = put("alpha.admin", "{\"format\": \"cascade.district/v1\", \"extra\": 1}");
        assertThat(schema.getStatusCode().value()).isEqualTo(400);
        assertThat(mapper.readTree(schema.getBody()).get("detail").asString()).startsWith("$");
    }

    @Test
    void a_document_the_editors_would_refuse_is_a_problem_naming_the_path_and_nothing_is_stored() {
        String refused = DOC.replace("Api Test Catalog", "Api Refused Catalog");
        String negative = refused.replace("\"name\": \"Labs\"}", "\"name\": \"Labs\", \"weight\": -5}");
        assertThat(negative).isNotEqualTo(refused);
        assertProblem(put("alpha.admin", negative), "$.catalogs[0].masters[0].items[0].weight",
                "A weight cannot be negative");

        String huge = refused.replace("\"name\": \"Labs\"}", "\"name\": \"" + "L".repeat(1 << 20) + "\"}");
        assertProblem(put("alpha.admin", huge), "$.catalogs[0].masters[0].items[0].name",
                "must be at most 200 characters long");

        assertThat(get("alpha.admin").getBody()).doesNotContain("Api Refused Catalog");
    }

    private void assertProblem(ResponseEntity<String> response, String path, String message) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode problem = mapper.readTree(response.getBody());
        assertThat(problem.get("path").asString()).isEqualTo(path);
        assertThat(problem.get("detail").asString()).startsWith(path + ": ").contains(message)
                .doesNotContain("index row", "ERROR:", "violates");
    }

    @Test
    void openapi_describes_the_endpoints() {
        ResponseEntity<String> docs = client(null).get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("/api/v1/district");
    }
}
