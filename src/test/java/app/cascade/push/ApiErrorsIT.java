package app.cascade.push;

import app.cascade.ApiClient;
import app.cascade.ApiFailureFixtures;
import app.cascade.ApiFailureIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server failure under {@code /api/**} answers what it is: 500 problem JSON with a correlation id that the ERROR
 * log line (with the stack trace) carries too, or 503 with {@code Retry-After} when the database or the node cannot
 * serve; never the UI chain's empty 403. Failures come from {@link ApiFailureFixtures}: a controller, a servlet
 * filter, a {@code sendError}, a busy node and an exhausted connection pool.
 */
@ApiFailureIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    DataSource dataSource;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    /** A 500 whose correlation id is in the log, next to the exception, and whose body holds nothing else of it. */
    private String assertServerError(ResponseEntity<String> response, CapturedOutput log, String exception) {
        JsonNode problem = api.problem(response, 500);
        assertThat(problem.get("type").asString()).isEqualTo("https://cascade.app/problems/server-error");
        String id = problem.get("correlationId").asString();
        assertThat(id).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(id);
        assertThat(response.getBody()).doesNotContain("secret_table", exception);
        String line = log.getOut().lines().filter(l -> l.contains("correlation id " + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line with correlation id " + id));
        assertThat(line).contains("ERROR", "|" + id + "]");
        assertThat(log.getOut()).contains(exception + ": " + ApiFailureFixtures.SECRET);
        return id;
    }

    @Test
    void an_exception_in_a_controller_is_a_500_problem_with_a_correlation_id_that_is_in_the_log(CapturedOutput log) {
        String first = assertServerError(api.get("alpha.viewer", "/api/v1/test/boom"), log,
                "java.lang.IllegalStateException");
        String second = assertServerError(api.get("alpha.viewer", "/api/v1/test/boom"), log,
                "java.lang.IllegalStateException");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void an_exception_in_a_servlet_filter_is_a_500_problem_too(CapturedOutput log) {
        assertServerError(api.get("alpha.viewer", "/api/v1/test/filter-boom"), log,
                "java.lang.IllegalArgumentException");
    }

    @Test
    void a_send_error_of_an_api_call_is_a_problem_of_its_status_never_the_ui_chains_403(CapturedOutput log) {
        JsonNode server = api.problem(api.get("alpha.viewer", "/api/v1/test/send-error/500"), 500);
        String id = server.get("correlationId").asString();
        assertThat(log.getOut()).contains("correlation id " + id);

        JsonNode notFound = api.problem(api.get("alpha.viewer", "/api/v1/test/send-error/404"), 404);
        assertThat(notFound.get("title").asString()).isEqualTo("Not Found");
        JsonNode conflict = api.problem(api.get("alpha.viewer", "/api/v1/test/send-error/409"), 409);
        assertThat(conflict.toString()).doesNotContain("secret_table");
    }

    @Test
    void a_busy_node_answers_503_with_retry_after_in_whole_seconds() {
        ResponseEntity<String> response = api.get("alpha.push", "/api/v1/test/busy");

        JsonNode problem = api.problem(response, 503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(problem.get("type").asString()).isEqualTo("https://cascade.app/problems/unavailable");
        assertThat(problem.get("detail").asString()).contains("try again shortly");
        assertThat(problem.get("retryAfterSeconds").asInt()).isEqualTo(7);
    }

    @Test
    void an_exhausted_connection_pool_answers_503_with_retry_after_and_serves_again_once_freed(CapturedOutput log)
            throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            holdEveryConnection(held);

            ResponseEntity<String> response = api.get("alpha.viewer", "/api/v1/pushes");

            JsonNode problem = api.problem(response, 503);
            assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
            assertThat(problem.get("type").asString()).isEqualTo("https://cascade.app/problems/unavailable");
            String id = problem.get("correlationId").asString();
            assertThat(log.getOut()).contains("Database unavailable on GET /api/v1/pushes (correlation id " + id
                    + ")", "SQLTransientConnectionException");
            assertThat(response.getBody()).doesNotContain("impatient", "Connection is not available");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(api.get("alpha.viewer", "/api/v1/pushes").getStatusCode().value()).isEqualTo(200);
    }

    /** Takes connections until the pool has none left (other beans, e.g. the event listener, hold some too). */
    private void holdEveryConnection(List<Connection> held) throws SQLException {
        try {
            while (held.size() <= ApiFailureFixtures.POOL_SIZE) {
                held.add(dataSource.getConnection());
            }
        } catch (SQLTransientConnectionException exhausted) {
            return;
        }
        throw new AssertionError("the pool gave out more than " + ApiFailureFixtures.POOL_SIZE + " connections");
    }

    @Test
    void a_caller_with_no_district_is_forbidden_with_a_problem_not_a_server_error() {
        JsonNode problem = api.problem(api.get("stranger", "/api/v1/district"), 403);

        assertThat(problem.get("detail").asString()).contains("not a member of a district");
    }
}
