package app.cascade.security.sso;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on end to end against a real Keycloak ({@code ./mvnw verify -Pe2e} starts it with
 * {@code tenants/keycloak/cascade-realm.json} imported). Tokens come from Keycloak's token endpoint through the
 * password grant of the test client {@code cascade-test}; the app runs in OIDC mode with the real district files in
 * {@code tenants/} and validates them against Keycloak's published keys. Nothing about the identity provider is mocked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cascade.tenants.dir=tenants",
        "cascade.demo-data.enabled=false",
        "cascade.security.oidc.client-id=cascade-web",
        "cascade.security.oidc.client-secret=cascade-web-secret"})
@ActiveProfiles("it")
class KeycloakSsoE2E {

    static final String KEYCLOAK = System.getProperty("cascade.e2e.keycloak-url", "http://127.0.0.1:8180");
    static final String ISSUER = KEYCLOAK + "/realms/cascade";
    static final String MARKER = "Cedar Sso Marker Catalog";
    static final String CEDAR_DOC = """
            {"format": "cascade.district/v1",
             "schoolYears": [{"code": "26-27", "startDate": "2026-08-17", "endDate": "2027-06-04"}],
             "catalogs": [{"name": "%s", "locks": ["CATEGORIES"], "masters": [
               {"number": "SSO100", "name": "Sso Studies", "items": [
                 {"id": "00000000-0000-4000-8000-00000000e2e1", "type": "CATEGORY", "name": "Labs"}]}]}],
             "schools": [{"code": "SSOS", "name": "Sso Test School", "calendars": [{"year": "26-27",
               "name": "SSOS 26-27", "courses": [{"number": "SSO100", "name": "Sso Studies",
                 "master": {"catalog": "%s", "number": "SSO100"}}]}]}]}
            """.formatted(MARKER, MARKER);

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("cascade.security.oidc.issuer", () -> ISSUER);
        registry.add("cascade.security.oidc.clock-skew", () -> "0s");
    }

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void keycloak_is_up() throws Exception {
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(
                URI.create(ISSUER + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).as("Keycloak realm at %s (run with -Pe2e)", ISSUER).isEqualTo(200);
        assertThat(JSON.readTree(discovery.body()).get("issuer").asString()).isEqualTo(ISSUER);
    }

    /** Keycloak's token endpoint, password grant; the raw response. */
    static HttpResponse<String> passwordGrant(String username, String password, String scope) throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "cascade-test",
                "client_secret", "cascade-test-secret", "username", username, "password", password, "scope", scope);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An access token for a demo user (password "demo"), asking for the organization scope. */
    static String token(String username) {
        return token(username, "openid organization");
    }

    static String token(String username, String scope) {
        return TOKENS.computeIfAbsent(username + " " + scope, key -> {
            try {
                HttpResponse<String> response = passwordGrant(username, "demo", scope);
                assertThat(response.statusCode()).as("token for %s: %s", key, response.body()).isEqualTo(200);
                return JSON.readTree(response.body()).get("access_token").asString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private RestClient api(String bearer, String district) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                });
        if (bearer != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        if (district != null) {
            builder.defaultHeader("X-Cascade-District", district);
        }
        return builder.build();
    }

    private ResponseEntity<String> getDistrict(String bearer) {
        return getDistrict(bearer, null);
    }

    private ResponseEntity<String> getDistrict(String bearer, String district) {
        return api(bearer, district).get().uri("/api/v1/district").retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> putDistrict(String bearer, String body) {
        return api(bearer, null).put().uri("/api/v1/district").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }

    private static String districtOf(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody()).get("district").asString();
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
            "lakeside.push, lakeside",
            "lakeside.admin, lakeside",
            "lakeside.viewer, lakeside",
            "cedar.push, cedar-valley",
            "cedar.admin, cedar-valley",
            "cedar.viewer, cedar-valley"})
    void every_district_user_reads_their_own_district_with_a_keycloak_token(String user, String district) {
        ResponseEntity<String> response = getDistrict(token(user));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(districtOf(response)).isEqualTo(district);
    }

    @Test
    void password_grant_tokens_carry_the_organization_alias_and_realm_roles() {
        JsonNode lakeside = claims(token("lakeside.viewer"));
        assertThat(lakeside.get("iss").asString()).isEqualTo(ISSUER);
        assertThat(strings(lakeside.get("organization"))).containsExactly("lakeside");
        assertThat(strings(lakeside.get("roles"))).contains("VIEWER");
        assertThat(strings(claims(token("cedar.push")).get("organization"))).containsExactly("cedar-valley");
        assertThat(claims(token("support")).has("organization")).isFalse();
    }

    @Test
    void without_the_organization_scope_there_is_no_district() throws Exception {
        HttpResponse<String> response = passwordGrant("lakeside.admin", "demo", "openid");
        assertThat(response.statusCode()).isEqualTo(200);
        String bare = JSON.readTree(response.body()).get("access_token").asString();
        assertThat(claims(bare).has("organization")).isFalse();
        ResponseEntity<String> export = getDistrict(bare);
        assertThat(export.getStatusCode().value()).isEqualTo(403);
        assertThat(String.valueOf(export.getBody())).doesNotContain("\"district\"");
    }

    @Test
    void support_authenticates_but_may_not_export_a_district() {
        assertThat(getDistrict(token("support")).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void lakeside_never_sees_cedar_valley_data() {
        ResponseEntity<String> imported = putDistrict(token("cedar.admin"), CEDAR_DOC);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
        assertThat(districtOf(imported)).isEqualTo("cedar-valley");

        ResponseEntity<String> cedar = getDistrict(token("cedar.viewer"));
        assertThat(cedar.getBody()).contains(MARKER);

        for (String user : List.of("lakeside.push", "lakeside.admin", "lakeside.viewer")) {
            ResponseEntity<String> lakeside = getDistrict(token(user));
            assertThat(lakeside.getStatusCode().value()).isEqualTo(200);
            assertThat(districtOf(lakeside)).isEqualTo("lakeside");
            assertThat(lakeside.getBody()).doesNotContain(MARKER, "00000000e2e1");
            // naming the other district in the header does not help a user who is no member of it
            ResponseEntity<String> sneaky = getDistrict(token(user), "cedar-valley");
            assertThat(sneaky.getBody()).doesNotContain(MARKER, "00000000e2e1");
        }
    }

    @Test
    void a_viewer_token_cannot_import() {
        ResponseEntity<String> response = putDistrict(token("lakeside.viewer"), CEDAR_DOC);
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(putDistrict(token("cedar.viewer"), CEDAR_DOC).getStatusCode().value()).isEqualTo(403);
    }

    /**
     * Keycloak's plain {@code organization} scope maps the organization only for a member of exactly one: a member of
     * several is asked to pick one in the browser, and the password grant gets no claim at all. API clients of a
     * multi-district user therefore ask for {@code organization:*} (every membership; the request names the district
     * with {@code X-Cascade-District}) or {@code organization:<alias>} (a token for that one district).
     */
    @Test
    void a_multi_district_user_without_a_chosen_organization_gets_no_district_claim() {
        assertThat(claims(token("regional.admin")).has("organization")).isFalse();
        ResponseEntity<String> response = getDistrict(token("regional.admin"));
        // no district is bound: the export's UnknownTenantException answers a 403 problem (api.ApiExceptionHandler),
        // never data
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(String.valueOf(response.getBody())).doesNotContain("\"district\"");
    }

    @Test
    void a_multi_district_user_with_every_organization_names_the_district_in_a_header() {
        String all = token("regional.admin", "openid organization:*");
        assertThat(strings(claims(all).get("organization"))).containsExactlyInAnyOrder("lakeside", "cedar-valley");

        ResponseEntity<String> lakeside = getDistrict(all, "lakeside");
        assertThat(lakeside.getStatusCode().value()).isEqualTo(200);
        assertThat(districtOf(lakeside)).isEqualTo("lakeside");
        assertThat(districtOf(getDistrict(all, "cedar-valley"))).isEqualTo("cedar-valley");

        // without the header no district is bound: a 400 problem naming the header; naming a district that is none
        // of theirs: 403. Never data.
        ResponseEntity<String> unnamed = getDistrict(all, null);
        assertThat(unnamed.getStatusCode().value()).isEqualTo(400);
        assertThat(unnamed.getBody()).contains("X-Cascade-District", "cedar-valley, lakeside")
                .doesNotContain("\"district\"");
        ResponseEntity<String> elsewhere = getDistrict(all, "elsewhere");
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(403);
        assertThat(elsewhere.getBody()).contains("not one of your districts").doesNotContain("\"district\"");
    }

    @Test
    void a_multi_district_user_can_ask_for_a_token_of_one_district() {
        String cedar = token("regional.admin", "openid organization:cedar-valley");
        assertThat(strings(claims(cedar).get("organization"))).containsExactly("cedar-valley");
        assertThat(districtOf(getDistrict(cedar))).isEqualTo("cedar-valley");
        // the header cannot widen the token to the other district: it is refused, as for every caller (issue 17)
        ResponseEntity<String> widened = getDistrict(cedar, "lakeside");
        assertThat(widened.getStatusCode().value()).isEqualTo(403);
        assertThat(widened.getBody()).contains("not-your-district").doesNotContain("\"district\"");
    }

    @Test
    void a_token_with_a_flipped_signature_character_is_401() {
        String jwt = token("lakeside.admin");
        int last = jwt.length() - 2;   // not the final character, whose low bits may be padding
        char flipped = jwt.charAt(last) == 'A' ? 'B' : 'A';
        String tampered = jwt.substring(0, last) + flipped + jwt.substring(last + 1);
        assertThat(tampered).isNotEqualTo(jwt);
        assertThat(getDistrict(jwt).getStatusCode().value()).isEqualTo(200);
        assertThat(getDistrict(tampered).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void a_token_with_a_changed_payload_is_401() {
        String[] parts = token("lakeside.viewer").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"lakeside\"", "\"cedar-valley\"").replace("\"VIEWER\"", "\"DISTRICT_ADMIN\"");
        assertThat(forged).isNotEqualTo(payload);
        String jwt = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(getDistrict(jwt).getStatusCode().value()).isEqualTo(401);
        assertThat(putDistrict(jwt, CEDAR_DOC).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void an_unsigned_token_is_401() {
        String[] parts = token("lakeside.admin").split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(getDistrict(none + "." + parts[1] + ".").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void garbage_and_missing_tokens_are_401() {
        assertThat(getDistrict("not-a-jwt").getStatusCode().value()).isEqualTo(401);
        assertThat(getDistrict("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl").getStatusCode().value()).isEqualTo(401);
        assertThat(getDistrict(null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void an_automation_client_with_client_credentials_works_in_its_own_district_only() throws Exception {
        String body = "grant_type=client_credentials&client_id=cascade-api-lakeside"
                + "&client_secret=cascade-api-lakeside-secret";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = JSON.readTree(response.body()).get("access_token").asString();
        assertThat(strings(claims(token).get("organization"))).containsExactly("lakeside");

        ResponseEntity<String> export = getDistrict(token);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(districtOf(export)).isEqualTo("lakeside");
        assertThat(getDistrict(token, "cedar-valley").getBody()).doesNotContain("\"district\" : \"cedar-valley\"");
    }

    @Test
    void an_expired_token_is_401() throws Exception {
        String body = "grant_type=password&client_id=cascade-test-short&client_secret=cascade-test-short-secret"
                + "&username=lakeside.viewer&password=demo&scope=" + URLEncoder.encode("openid organization",
                StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = JSON.readTree(response.body()).get("access_token").asString();
        assertThat(getDistrict(token).getStatusCode().value()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> getDistrict(token).getStatusCode().value() == 401);
    }

    @Test
    void a_push_of_one_district_is_not_found_with_another_districts_token() throws Exception {
        assertThat(putDistrict(token("cedar.admin"), CEDAR_DOC).getStatusCode().value()).isEqualTo(200);
        RestClient cedar = api(token("cedar.push"), null);
        JsonNode year = JSON.readTree(cedar.get().uri("/api/v1/school-years").retrieve().body(String.class)).get(0);
        JsonNode catalog = java.util.stream.StreamSupport.stream(JSON.readTree(cedar.get().uri("/api/v1/catalogs")
                .retrieve().body(String.class)).spliterator(), false)
                .filter(c -> c.get("name").asString().equals(MARKER)).findFirst().orElseThrow();
        // scheduled a month ahead (at most a year is accepted), so it is still waiting while the other district looks
        String body = """
                {"catalogId": %d, "schoolYearId": %d, "mode": "PUSH_LOCKED", "scheduledAt": "%s"}
                """.formatted(catalog.get("id").asLong(), year.get("id").asLong(),
                java.time.Instant.now().plus(java.time.Duration.ofDays(30)).truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS));
        ResponseEntity<String> submitted = cedar.post().uri("/api/v1/pushes")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
        String id = JSON.readTree(submitted.getBody()).get("id").asString();

        for (String user : List.of("lakeside.push", "lakeside.viewer")) {
            RestClient lakeside = api(token(user), null);
            assertThat(lakeside.get().uri("/api/v1/pushes/" + id).retrieve().toEntity(String.class)
                    .getStatusCode().value()).as(user).isEqualTo(404);
            assertThat(lakeside.get().uri("/api/v1/pushes/" + id + "/report").header("Accept", "text/csv")
                    .retrieve().toEntity(String.class).getStatusCode().value()).as(user).isEqualTo(404);
        }
        assertThat(api(token("lakeside.push"), null).delete().uri("/api/v1/pushes/" + id).retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(api(token("cedar.viewer"), null).post().uri("/api/v1/pushes")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(cedar.delete().uri("/api/v1/pushes/" + id).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void a_wrong_password_gets_no_token() throws Exception {
        HttpResponse<String> response = passwordGrant("lakeside.admin", "wrong", "openid organization");
        assertThat(response.statusCode()).isBetween(400, 401);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(error.has("access_token")).isFalse();
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            return node.valueStream().map(JsonNode::asString).toList();
        }
        return List.of(node.asString());
    }
}
