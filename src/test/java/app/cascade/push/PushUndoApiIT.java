package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
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
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;

/** The undo endpoints over HTTP (issue 18): preview, undo, links.undo, refusals as 409 problems, roles, districts. */
@CascadeIntegrationTest
class PushUndoApiIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;

    final JsonMapper mapper = JsonMapper.builder().build();
    PushFixture f;
    UUID push;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        f.eng.with(task("S2", "Semester 2"));
        TestUsers.signIn(context, "alpha.push");
        try {
            push = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                    EnumSet.allOf(LockType.class)));
        } finally {
            TestUsers.signOut();
        }
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private RestClient client(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                })
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build();
    }

    private ResponseEntity<String> get(String user, String path) {
        return client(user).get().uri(path).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> post(String user, String path) {
        return client(user).post().uri(path).retrieve().toEntity(String.class);
    }

    private JsonNode json(ResponseEntity<String> response) {
        return mapper.readTree(response.getBody());
    }

    private JsonNode problem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        return json(response);
    }

    @Test
    void a_push_admin_previews_and_undoes_a_push_and_the_push_then_offers_no_undo() {
        String self = "/api/v1/pushes/" + push;
        JsonNode links = json(get("alpha.viewer", self)).get("links");
        assertThat(links.get("undo").get("href").asString()).isEqualTo(self + "/undo");
        assertThat(links.get("undo").get("method").asString()).isEqualTo("POST");
        JsonNode listed = json(get("alpha.viewer", "/api/v1/pushes"));
        assertThat(listed).anySatisfy(r -> {
            assertThat(r.get("id").asString()).isEqualTo(push.toString());
            assertThat(r.get("links").has("undo")).isTrue();
        });

        ResponseEntity<String> preview = get("alpha.push", self + "/undo-preview");
        assertThat(preview.getStatusCode().value()).as(preview.getBody()).isEqualTo(200);
        JsonNode restores = json(preview).get("restores");
        assertThat(restores.size()).isEqualTo(2);
        assertThat(restores.get(0).get("changes").get(0).get("action").asString()).isEqualTo("Deleted");
        assertThat(json(preview).get("untouched").size()).isZero();

        ResponseEntity<String> accepted = post("alpha.push", self + "/undo");
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(202);
        JsonNode undo = json(accepted);
        String undoId = undo.get("id").asString();
        assertThat(accepted.getHeaders().getLocation()).isNotNull();
        assertThat(accepted.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/pushes/" + undoId);
        assertThat(undo.get("kind").asString()).isEqualTo("UNDO");
        assertThat(undo.get("catalog").asString()).isEqualTo("High School Catalog");
        assertThat(undo.get("schoolYear").asString()).isEqualTo("26-27");
        assertThat(undo.get("links").has("undo")).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json(get("alpha.viewer", "/api/v1/pushes/" + undoId)).get("status").asString())
                        .isEqualTo("COMPLETED"));
        assertThat(f.courseItems(f.eng1.id())).noneMatch(r -> "S2".equals(r.get("code")));

        assertThat(json(get("alpha.viewer", self)).get("links").has("undo")).isFalse();
        JsonNode again = problem(post("alpha.push", self + "/undo"), 409);
        assertThat(again.get("detail").asString()).contains("undone already, by undo request " + undoId);
        JsonNode ofUndo = problem(post("alpha.push", "/api/v1/pushes/" + undoId + "/undo"), 409);
        assertThat(ofUndo.get("detail").asString()).contains("an undo cannot itself be undone");
        problem(get("alpha.push", self + "/undo-preview"), 409);
    }

    @Test
    void a_viewer_is_forbidden_another_district_finds_nothing_and_an_undo_is_never_submitted_as_a_push() {
        String self = "/api/v1/pushes/" + push;
        problem(post("alpha.viewer", self + "/undo"), 403);
        problem(get("alpha.viewer", self + "/undo-preview"), 403);
        problem(post("beta.push", self + "/undo"), 404);
        problem(get("beta.push", self + "/undo-preview"), 404);
        JsonNode asPush = problem(client("alpha.push").post().uri("/api/v1/pushes")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"kind": "UNDO", "catalogId": %d, "schoolYearId": %d, "mode": "PUSH_LOCKED"}"""
                        .formatted(f.catalog, f.current)).retrieve().toEntity(String.class), 400);
        assertThat(asPush.get("field").asString()).isEqualTo("kind");
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_request where kind = 'UNDO'",
                Long.class))).isZero();
    }
}
