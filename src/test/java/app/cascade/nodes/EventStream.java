package app.cascade.nodes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A client of {@code GET /api/v1/events} on one node, as one dev user: it collects the server-sent events it gets,
 * the way a screen watching the queue and the bell would.
 */
final class EventStream implements AutoCloseable {

    /** One server-sent event. */
    record Event(String name, JsonNode data) {
        String requestId() {
            return data.path("requestId").isString() ? data.path("requestId").asString() : "";
        }

        String status() {
            return data.path("status").isString() ? data.path("status").asString() : "";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    EventStream(AppProcess node, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/events?seconds=900"))
                .header("Authorization", AppProcess.basic(user)).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(15)).build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread.ofVirtual().name("sse-" + node.name() + "-" + user).start(this::read);
    }

    private void read() {
        try {
            HttpResponse<Stream<String>> r = response.join();
            if (r.statusCode() != 200) {
                events.add(new Event("http-" + r.statusCode(), JSON.createObjectNode()));
                return;
            }
            lines = r.body();
            String[] name = {null};
            StringBuilder data = new StringBuilder();
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (name[0] != null || !data.isEmpty()) {
                        events.add(new Event(name[0] == null ? "message" : name[0],
                                data.isEmpty() ? JSON.createObjectNode() : JSON.readTree(data.toString())));
                    }
                    name[0] = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            });
        } catch (RuntimeException closed) {
            // the stream ended or was closed
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    boolean ready() {
        return events.stream().anyMatch(e -> e.name().equals("ready"));
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}
