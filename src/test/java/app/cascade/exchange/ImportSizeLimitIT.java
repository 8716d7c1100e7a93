package app.cascade.exchange;

import app.cascade.ApiClient;
import app.cascade.ApiFailureIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cascade.exchange.max-import-size} (CASCADE_MAX_IMPORT_SIZE, default 100MB; 4 KB in this context): a district
 * document up to the limit is imported, one past it is refused with 413 problem JSON naming the limit and nothing is
 * written, also when it is sent chunked and its size is known only by reading it.
 */
@ApiFailureIntegrationTest
class ImportSizeLimitIT {

    static final int LIMIT = 4 * 1024;
    static final String PATH = "/api/v1/district";

    @Value("${local.server.port}")
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    /** DistrictApiIT's document, under its own catalog name, padded with spaces to exactly this many bytes. */
    private static String document(String catalog, int bytes) {
        String json = DistrictApiIT.DOC.strip().replace("Api Test Catalog", catalog);
        return json.substring(0, json.length() - 1)
                + " ".repeat(bytes - json.getBytes(StandardCharsets.UTF_8).length) + "}";
    }

    private String export() {
        ResponseEntity<String> export = api.get("alpha.viewer", PATH);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        return export.getBody();
    }

    @Test
    void a_document_one_byte_past_the_limit_is_a_413_naming_it_and_nothing_is_written() {
        JsonNode problem = api.problem(api.put("alpha.admin", PATH, document("Past Limit Catalog", LIMIT + 1)), 413);

        assertThat(problem.get("type").asString()).isEqualTo("https://cascade.app/problems/body-too-large");
        assertThat(problem.get("limit").asLong()).isEqualTo(LIMIT);
        assertThat(problem.get("detail").asString()).contains("4096 bytes (4 KB)");
        assertThat(export()).doesNotContain("Past Limit Catalog");
    }

    @Test
    void a_chunked_document_past_the_limit_is_refused_while_it_is_read() throws IOException, InterruptedException {
        HttpResponse<String> response = api.sendChunked("alpha.admin", "PUT", PATH,
                document("Chunked Catalog", 64 * 1024));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(api.json(response.body()).get("limit").asLong()).isEqualTo(LIMIT);
        assertThat(export()).doesNotContain("Chunked Catalog");
    }

    @Test
    void a_document_of_exactly_the_limit_is_imported_also_chunked() throws IOException, InterruptedException {
        ResponseEntity<String> imported = api.put("alpha.admin", PATH, document("At Limit Catalog", LIMIT));
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
        assertThat(export()).contains("At Limit Catalog");

        // the same document again (an import is an upsert), sent chunked: read to its last byte, and accepted
        HttpResponse<String> chunked = api.sendChunked("alpha.admin", "PUT", PATH, document("At Limit Catalog",
                LIMIT));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(200);
        assertThat(api.json(chunked.body()).get("catalogs").asInt()).isEqualTo(1);
    }
}
