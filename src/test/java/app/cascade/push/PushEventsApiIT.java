package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/events}: a watcher's live push events as server-sent events, carried through PostgreSQL
 * LISTEN/NOTIFY; only the caller's district's requests and the caller's own notifications.
 */
@CascadeIntegrationTest
class PushEventsApiIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    PushEvents events;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpRequest request(String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/events?seconds=60")).header("Accept", "text/event-stream");
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    @Test
    void a_viewer_streams_their_districts_request_events_and_only_their_own_notifications() throws Exception {
        HttpResponse<Stream<String>> response = http.send(request("alpha.viewer"),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Stream<String> body = response.body()) {
            Thread.ofVirtual().start(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // closed at the end of the test
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:ready"));

            UUID alphaRequest = UUID.randomUUID();
            UUID betaRequest = UUID.randomUUID();
            events.publish(PushEvent.request("beta", betaRequest, PushStatus.RUNNING, 1, 4));
            events.publish(PushEvent.notification("alpha", alphaRequest, "alpha.push"));
            events.publish(PushEvent.request("alpha", alphaRequest, PushStatus.RUNNING, 2, 4));
            events.publish(PushEvent.notification("alpha", alphaRequest, "alpha.viewer"));

            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                    .filter(l -> l.startsWith("event:")).count() >= 3);
            // the beta event and alpha.push's notification were published first: had they been sent, they would
            // be here already, since one node delivers its events in order
            List<String> named = lines.stream().filter(l -> l.startsWith("event:")).toList();
            assertThat(named).containsExactly("event:ready", "event:request", "event:notification");
            assertThat(lines).noneMatch(l -> l.contains(betaRequest.toString()))
                    .anyMatch(l -> l.startsWith("data:") && l.contains("\"coursesDone\":2")
                            && l.contains(alphaRequest.toString()))
                    .anyMatch(l -> l.startsWith("data:") && l.contains("\"username\":\"alpha.viewer\""))
                    .noneMatch(l -> l.contains("\"username\":\"alpha.push\""));
        }
    }

    @Test
    void the_stream_needs_a_signed_in_viewer_of_a_district() throws IOException, InterruptedException {
        assertThat(http.send(request(null), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        assertThat(http.send(request("support"), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(403);
    }
}
