package app.cascade;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over HTTP as the dev users (Basic credentials, password {@code demo}), for the API's ITs. */
public final class ApiClient {

    private final int port;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public ApiClient(int port) {
        this.port = port;
    }

    public RestClient as(String user) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                });
        if (user != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, basic(user));
        }
        return builder.build();
    }

    public ResponseEntity<String> get(String user, String path) {
        return as(user).get().uri(path).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> post(String user, String path, String json) {
        return as(user).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(String.class);
    }

    public ResponseEntity<String> put(String user, String path, String json) {
        return as(user).put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(String.class);
    }

    public ResponseEntity<String> delete(String user, String path) {
        return as(user).delete().uri(path).retrieve().toEntity(String.class);
    }

    /**
     * A JSON body sent chunked: no {@code Content-Length}, so the server learns its size only by reading it. HTTP/1.1,
     * where chunked transfer coding is how a body of unknown length travels.
     */
    public HttpResponse<String> sendChunked(String user, String method, String path, String json)
            throws IOException, InterruptedException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, basic(user))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    public JsonNode json(String body) {
        return mapper.readTree(body);
    }

    /** An RFC 9457 problem of this status, as {@code application/problem+json}. */
    public JsonNode problem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(response.getBody()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode problem = json(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

    /** A 400 problem whose {@code field} and the start of whose {@code detail} name the field. */
    public JsonNode badField(ResponseEntity<String> response, String field) {
        JsonNode problem = problem(response, 400);
        assertThat(problem.get("field").asString()).as(response.getBody()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).startsWith(field);
        return problem;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
