package app.cascade.push;

import app.cascade.ApiClient;
import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push and preview bodies and the queue's parameters are read strictly: what the API cannot read exactly as meant is
 * refused with a 400 naming the field (or a 413 naming the limit), and nothing is stored. Before, {@code "mode": 1}
 * ran an Overwrite, {@code "catalogId": 1.5} pushed catalog 1, the typo {@code toSection} was ignored, a far-future
 * {@code scheduledAt} or a huge negative {@code from} surfaced as an empty 403, and a 50 MB body was accepted.
 */
@CascadeIntegrationTest
class StrictInputIT {

    static final String SUBMIT = "/api/v1/pushes";
    static final String PREVIEW = "/api/v1/pushes/preview";
    static final int LIMIT = 64 * 1024;

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;

    PushFixture f;
    ApiClient api;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        api = new ApiClient(port);
    }

    /** A valid Submit to Batch body (two hours ahead, so nothing runs) with extra members, or with one replaced. */
    private String body(String extra) {
        String base = "\"catalogId\": %d, \"schoolYearId\": %d, \"mode\": \"PUSH_LOCKED\", \"toSections\": true, "
                .formatted(f.catalog, f.current) + "\"scheduledAt\": \"" + Instant.now().plus(2, ChronoUnit.HOURS)
                + "\"";
        return "{" + base + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    /** The valid body with one member's value replaced by this JSON. */
    private String replacing(String name, String json) {
        String body = body("");
        int start = body.indexOf("\"" + name + "\": ");
        int end = body.indexOf(", ", start);
        return body.substring(0, start) + "\"" + name + "\": " + json
                + body.substring(end < 0 ? body.length() - 1 : end);
    }

    /** The same body, padded with spaces (still the same JSON) to exactly this many bytes. */
    private String padded(String json, int bytes) {
        return json.substring(0, json.length() - 1) + " ".repeat(bytes - json.getBytes(StandardCharsets.UTF_8)
                .length) + "}";
    }

    private long storedRequests() {
        return f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_request", Long.class));
    }

    /** The same answer from submit and preview, and nothing stored. */
    private JsonNode refusedByBoth(String json, String field) {
        long before = storedRequests();
        JsonNode submitted = api.badField(api.post("alpha.push", SUBMIT, json), field);
        api.badField(api.post("alpha.push", PREVIEW, json), field);
        assertThat(storedRequests()).isEqualTo(before);
        return submitted;
    }

    @Test
    void a_number_for_an_enum_is_refused_naming_the_field() {
        JsonNode mode = refusedByBoth(replacing("mode", "1"), "mode");
        assertThat(mode.get("detail").asString()).isEqualTo("mode: unknown value '1'; expected one of PUSH_LOCKED, "
                + "OVERWRITE");
        refusedByBoth(replacing("mode", "\"1\""), "mode");
        refusedByBoth(body("\"kind\": 0"), "kind");
        refusedByBoth(body("\"types\": [\"CATEGORIES\", 4]"), "types");
    }

    @Test
    void a_fraction_an_exponent_or_a_string_for_an_id_is_refused_naming_the_field() {
        for (String catalogId : new String[] {"1.5", "1.0", "1e3", "\"" + f.catalog + "\""}) {
            JsonNode problem = refusedByBoth(replacing("catalogId", catalogId), "catalogId");
            assertThat(problem.get("detail").asString()).as(catalogId).contains("whole number");
        }
        refusedByBoth(replacing("schoolYearId", f.current + ".5"), "schoolYearId");
        refusedByBoth(replacing("toSections", "\"true\""), "toSections");
        refusedByBoth(replacing("toSections", "1"), "toSections");
    }

    @Test
    void an_unknown_field_is_refused_naming_it_and_the_known_ones() {
        JsonNode problem = refusedByBoth(body("\"toSection\": true"), "toSection");

        assertThat(problem.get("detail").asString()).startsWith("toSection: unknown field")
                .contains("toSections", "catalogId", "scheduledAt");
        refusedByBoth(body("\"options\": {\"dryRun\": true}"), "options");
    }

    @Test
    void scheduled_at_must_lie_between_now_and_a_year_ahead() { // preview ignores it
        long before = storedRequests();
        JsonNode farFuture = api.badField(api.post("alpha.push", SUBMIT, replacing("scheduledAt",
                "\"+294277-01-01T00:00:00Z\"")), "scheduledAt");
        assertThat(farFuture.get("detail").asString()).contains("more than a year ahead");
        api.badField(api.post("alpha.push", SUBMIT, replacing("scheduledAt", "\""
                + Instant.now().plus(367, ChronoUnit.DAYS) + "\"")), "scheduledAt");
        api.badField(api.post("alpha.push", SUBMIT, replacing("scheduledAt", "\""
                + Instant.now().minus(1, ChronoUnit.HOURS) + "\"")), "scheduledAt");
        assertThat(storedRequests()).isEqualTo(before);

        ResponseEntity<String> withinAYear = api.post("alpha.push", SUBMIT, replacing("scheduledAt",
                "\"" + Instant.now().plus(360, ChronoUnit.DAYS) + "\""));
        assertThat(withinAYear.getStatusCode().value()).as(withinAYear.getBody()).isEqualTo(202);
        assertThat(api.json(withinAYear.getBody()).get("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void queue_windows_outside_2000_to_2100_are_refused_naming_the_parameter() {
        api.badField(api.get("alpha.viewer", SUBMIT + "?from=-1000000000-01-01T00:00:00Z"), "from");
        api.badField(api.get("alpha.viewer", SUBMIT + "?from=1999-12-31T23:59:59Z"), "from");
        api.badField(api.get("alpha.viewer", SUBMIT + "?to=+294277-01-01T00:00:00Z"), "to");
        JsonNode late = api.badField(api.get("alpha.viewer", SUBMIT + "?to=2100-01-01T00:00:01Z"), "to");
        assertThat(late.get("detail").asString()).contains("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z");

        ResponseEntity<String> widest = api.get("alpha.viewer",
                SUBMIT + "?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");
        assertThat(widest.getStatusCode().value()).as(widest.getBody()).isEqualTo(200);
    }

    @Test
    void a_push_body_of_64_kb_is_read_and_one_byte_more_is_a_413_naming_the_limit() {
        ResponseEntity<String> atLimit = api.post("alpha.push", SUBMIT, padded(body(""), LIMIT));
        assertThat(atLimit.getStatusCode().value()).as(atLimit.getBody()).isEqualTo(202);
        long before = storedRequests();

        for (String path : new String[] {SUBMIT, PREVIEW}) {
            JsonNode problem = api.problem(api.post("alpha.push", path, padded(body(""), LIMIT + 1)), 413);
            assertThat(problem.get("type").asString()).isEqualTo("https://cascade.app/problems/body-too-large");
            assertThat(problem.get("limit").asLong()).isEqualTo(LIMIT);
            assertThat(problem.get("detail").asString()).contains("65536 bytes (64 KB)");
            api.problem(api.post("alpha.push", path, padded(body(""), 1024 * 1024)), 413);
        }
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void a_chunked_push_body_is_counted_while_it_is_read() throws IOException, InterruptedException {
        HttpResponse<String> small = api.sendChunked("alpha.push", "POST", SUBMIT, body(""));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(202);
        assertThat(small.request().headers().firstValue("Content-Length")).isEmpty();
        long before = storedRequests();

        for (String path : new String[] {SUBMIT, PREVIEW}) {
            HttpResponse<String> large = api.sendChunked("alpha.push", "POST", path, padded(body(""), 200 * 1024));
            assertThat(large.statusCode()).as(large.body()).isEqualTo(413);
            assertThat(large.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                            .isTrue());
            assertThat(api.json(large.body()).get("limit").asLong()).isEqualTo(LIMIT);
        }
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void cancelling_a_request_that_never_got_a_job_answers_204() {
        ResponseEntity<String> submitted = api.post("alpha.push", SUBMIT, body(""));
        String id = api.json(submitted.getBody()).get("id").asString();
        // as a request stored by a submit whose job was never created (issue 14: 11 of a burst of 30)
        f.inAlpha(() -> f.jdbc.update("update push_request set job_id = null where id = ?", UUID.fromString(id)));

        ResponseEntity<String> cancelled = api.delete("alpha.push", SUBMIT + "/" + id);

        assertThat(cancelled.getStatusCode().value()).as(cancelled.getBody()).isEqualTo(204);
        assertThat(api.json(api.get("alpha.viewer", SUBMIT + "/" + id).getBody()).get("status").asString())
                .isEqualTo("CANCELLED");
    }
}
