package app.cascade.nodes;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the crash tests do with push requests on an {@link AppProcess} node and read back from its
 * {@link NodesDatabase}: submit a push, undo one, watch a request's progress in its district schema, take the
 * district's export, count its gradebook rows.
 */
final class PushRequests {

    static final List<String> GRADEBOOK = List.of("assignment", "score", "assignment_comment", "posted_grade");

    private PushRequests() {
    }

    /** A request's row as the job leaves it after each chunk. */
    record Progress(String status, int attempts, int done, Integer total) {
        boolean isFinal() {
            return status.startsWith("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED");
        }
    }

    static Progress progress(NodesDatabase db, String schema, UUID id) {
        return db.jdbc().queryForObject("select status, attempts, courses_done, courses_total from " + schema
                        + ".push_request where id = ?",
                (rs, n) -> new Progress(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        (Integer) rs.getObject(4)), id);
    }

    /** Polls the request every 50 ms until {@code condition} holds (at most {@code atMost}); returns what it saw. */
    static Progress await(NodesDatabase db, String schema, UUID id, String what, Predicate<Progress> condition,
                          Duration atMost) {
        AtomicReference<Progress> last = new AtomicReference<>();
        Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            Progress p = progress(db, schema, id);
            last.set(p);
            return condition.test(p);
        });
        return last.get();
    }

    /** {@code POST /api/v1/pushes}: an Overwrite with sections of the catalog in the year; 202 expected. */
    static UUID submit(AppProcess node, String user, long catalog, long year) {
        ResponseEntity<JsonNode> response = node.client(user).post().uri("/api/v1/pushes")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"catalogId\": %d, \"schoolYearId\": %d, \"mode\": \"OVERWRITE\", \"toSections\": true}"
                        .formatted(catalog, year))
                .retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as("submit: %s", response.getBody()).isEqualTo(202);
        return UUID.fromString(response.getBody().path("id").asString());
    }

    /** {@code GET /api/v1/pushes/{id}/undo-preview}; 200 expected. */
    static JsonNode undoPreview(AppProcess node, String user, UUID push) {
        ResponseEntity<JsonNode> response = node.client(user).get().uri("/api/v1/pushes/{id}/undo-preview", push)
                .retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as("undo preview: %s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    /** {@code POST /api/v1/pushes/{id}/undo}: the UNDO request's id; 202 expected. */
    static UUID undo(AppProcess node, String user, UUID push) {
        ResponseEntity<JsonNode> response = node.client(user).post().uri("/api/v1/pushes/{id}/undo", push)
                .retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as("undo: %s", response.getBody()).isEqualTo(202);
        assertThat(response.getBody().path("kind").asString()).isEqualTo("UNDO");
        return UUID.fromString(response.getBody().path("id").asString());
    }

    /** {@code GET /api/v1/district}, parsed. */
    static JsonNode export(AppProcess node, String user) {
        ResponseEntity<byte[]> response = node.client(user).get().uri("/api/v1/district").retrieve()
                .toEntity(byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return Exports.parse(response.getBody());
    }

    /** Rows per gradebook table of the schema. */
    static Map<String, Long> gradebook(NodesDatabase db, String schema) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : GRADEBOOK) {
            counts.put(table, db.jdbc().queryForObject("select count(*) from " + schema + "." + table, Long.class));
        }
        return counts;
    }

    /** The state of the request's JobRunr job. */
    static String jobState(NodesDatabase db, String schema, UUID id) {
        UUID job = db.jdbc().queryForObject("select job_id from " + schema + ".push_request where id = ?",
                UUID.class, id);
        return db.jdbc().queryForObject("select state from jobrunr_jobs where id = ?", String.class, job.toString());
    }

    /**
     * The state the request's JobRunr job ends in: the job marks its request final from inside its run, and JobRunr
     * records the job's own end a moment after, so this waits (at most {@code atMost}) for the job to leave
     * ENQUEUED/PROCESSING.
     */
    static String awaitJobEnd(NodesDatabase db, String schema, UUID id, Duration atMost) {
        AtomicReference<String> last = new AtomicReference<>();
        Awaitility.await("the job of request " + id + " ends").atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    last.set(jobState(db, schema, id));
                    return !last.get().equals("ENQUEUED") && !last.get().equals("PROCESSING");
                });
        return last.get();
    }
}
