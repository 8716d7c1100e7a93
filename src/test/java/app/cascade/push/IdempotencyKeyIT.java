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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/pushes}: a retry of the same push answers the first request and
 * stores nothing, another push with the key is a 422, keys belong to their district and expire after 24 hours, and
 * two identical POSTs sent at the same instant store one request with one job. Submit to Batch two hours ahead, so
 * no push runs while the test looks.
 */
@CascadeIntegrationTest
class IdempotencyKeyIT {

    static final String SUBMIT = "/api/v1/pushes";

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;

    PushFixture f;
    ApiClient api;
    final String scheduledAt = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        api = new ApiClient(port);
    }

    private String body(PushFixture district, String mode) {
        return """
                {"catalogId": %d, "schoolYearId": %d, "mode": "%s", "toSections": true, "scheduledAt": "%s"}
                """.formatted(district.catalog, district.current, mode, scheduledAt);
    }

    private ResponseEntity<String> post(String user, String json, String key) {
        return api.as(user).post().uri(SUBMIT).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).body(json).retrieve().toEntity(String.class);
    }

    private String id(ResponseEntity<String> response) {
        return api.json(response.getBody()).get("id").asString();
    }

    private long requests(PushFixture district) {
        return district.inAlpha(() -> district.jdbc.queryForObject("select count(*) from push_request", Long.class));
    }

    private long jobsOf(String requestId) {
        return f.jdbc.queryForObject("select count(*) from public.jobrunr_jobs where jobAsJson like ?", Long.class,
                "%" + requestId + "%");
    }

    private static String newKey() {
        return "\"" + UUID.randomUUID() + "\"";
    }

    @Test
    void a_retry_with_the_same_key_and_push_answers_200_with_the_first_request_and_stores_nothing() {
        String key = newKey();
        ResponseEntity<String> first = post("alpha.push", body(f, "PUSH_LOCKED"), key);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(202);

        // the same push, written differently: other member order and spacing, the default types spelled out
        String same = """
                { "scheduledAt":"%s","mode" : "PUSH_LOCKED", "toSections": true, "kind": "CATALOG",
                  "types": ["ASSESSMENTS", "CATEGORIES", "COMPOSITES", "CALC_OPTIONS", "TASKS_STANDARDS",
                            "COURSE_INFO"], "schoolYearId": %d, "catalogId": %d }
                """.formatted(scheduledAt, f.current, f.catalog);
        ResponseEntity<String> retry = post("alpha.push", same, key.substring(1, key.length() - 1)); // bare

        assertThat(retry.getStatusCode().value()).as(retry.getBody()).isEqualTo(200);
        assertThat(id(retry)).isEqualTo(id(first));
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(api.json(retry.getBody()).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(requests(f)).isEqualTo(1);
        assertThat(jobsOf(id(first))).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_push_is_a_422_naming_the_header_and_stores_nothing() {
        String key = newKey();
        assertThat(post("alpha.push", body(f, "PUSH_LOCKED"), key).getStatusCode().value()).isEqualTo(202);

        JsonNode problem = api.problem(post("alpha.push", body(f, "OVERWRITE"), key), 422);

        assertThat(problem.get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(problem.get("detail").asString()).startsWith("Idempotency-Key")
                .contains("already used for a different push request");
        assertThat(requests(f)).isEqualTo(1);
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_idempotency_key", Long.class)))
                .isEqualTo(1);
    }

    @Test
    void the_same_key_in_another_district_makes_that_districts_own_push() {
        PushFixture beta = new PushFixture(context, "beta").build();
        String key = newKey();

        ResponseEntity<String> alpha = post("alpha.push", body(f, "PUSH_LOCKED"), key);
        ResponseEntity<String> inBeta = post("beta.push", body(beta, "PUSH_LOCKED"), key);

        assertThat(alpha.getStatusCode().value()).as(alpha.getBody()).isEqualTo(202);
        assertThat(inBeta.getStatusCode().value()).as(inBeta.getBody()).isEqualTo(202);
        assertThat(id(inBeta)).isNotEqualTo(id(alpha));
        assertThat(requests(beta)).isEqualTo(1);
        assertThat(requests(f)).isEqualTo(1);
        api.problem(api.get("beta.push", SUBMIT + "/" + id(alpha)), 404);
    }

    @Test
    void two_identical_posts_with_one_key_at_the_same_instant_store_one_request_with_one_job() throws Exception {
        String key = newKey();
        String json = body(f, "PUSH_LOCKED");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return post("alpha.push", json, key);
                }));
            }
            start.countDown();
        }

        ResponseEntity<String> one = answers.get(0).get();
        ResponseEntity<String> other = answers.get(1).get();
        assertThat(List.of(one.getStatusCode().value(), other.getStatusCode().value()))
                .as(one.getBody() + "\n" + other.getBody()).containsExactlyInAnyOrder(202, 200);
        assertThat(id(one)).isEqualTo(id(other));
        assertThat(requests(f)).isEqualTo(1);
        assertThat(jobsOf(id(one))).isEqualTo(1);
    }

    @Test
    void a_key_older_than_24_hours_is_forgotten_and_makes_a_new_push() {
        String key = newKey();
        String first = id(post("alpha.push", body(f, "PUSH_LOCKED"), key));
        f.inAlpha(() -> f.jdbc.update("update push_idempotency_key set created_at = now() - interval '24 hours 1 "
                + "second'"));

        ResponseEntity<String> again = post("alpha.push", body(f, "OVERWRITE"), key);

        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(202);
        assertThat(id(again)).isNotEqualTo(first);
        assertThat(requests(f)).isEqualTo(2);
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select request_id::text from push_idempotency_key",
                String.class))).isEqualTo(id(again));
    }

    @Test
    void a_key_that_is_not_1_to_255_printable_ascii_characters_is_a_400_naming_the_header() {
        for (String bad : new String[]{"\"\"", "\"" + "k".repeat(256) + "\"", "k".repeat(256), "\"ab\"c\"",
                "\"ab\\c\"", "a\tb"}) {
            api.badField(post("alpha.push", body(f, "PUSH_LOCKED"), bad), "Idempotency-Key");
        }
        assertThat(requests(f)).isZero();

        String longest = "k".repeat(255);
        assertThat(post("alpha.push", body(f, "PUSH_LOCKED"), longest).getStatusCode().value()).isEqualTo(202);
        ResponseEntity<String> quotedWithEscapes = post("alpha.push", body(f, "OVERWRITE"), "\"a \\\"b\\\" \\\\c\"");
        assertThat(quotedWithEscapes.getStatusCode().value()).as(quotedWithEscapes.getBody()).isEqualTo(202);
        assertThat(f.inAlpha(() -> f.jdbc.queryForList("select key from push_idempotency_key order by key",
                String.class))).containsExactly("a \"b\" \\c", longest);
    }

    @Test
    void without_the_header_every_post_is_a_new_push() {
        ResponseEntity<String> one = api.post("alpha.push", SUBMIT, body(f, "PUSH_LOCKED"));
        ResponseEntity<String> two = api.post("alpha.push", SUBMIT, body(f, "PUSH_LOCKED"));

        assertThat(one.getStatusCode().value()).isEqualTo(202);
        assertThat(two.getStatusCode().value()).isEqualTo(202);
        assertThat(id(one)).isNotEqualTo(id(two));
        assertThat(requests(f)).isEqualTo(2);
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_idempotency_key", Long.class)))
                .isZero();
    }
}
