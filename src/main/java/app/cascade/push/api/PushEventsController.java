package app.cascade.push.api;

import app.cascade.push.PushEvent;
import app.cascade.push.PushEventStream;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code GET /api/v1/events}: the caller's live push events as server-sent events, the API's equivalent of the
 * queue's live updates and the bell. Served by any node, for pushes running on any node.
 */
@RestController
@Tag(name = "Push requests")
class PushEventsController {

    static final Duration MAX_STREAM = Duration.ofHours(1);

    private final PushEventStream stream;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    PushEventsController(PushEventStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Watch pushes live",
            description = "Server-sent events: `request` (status and progress of any request of the district) and "
                    + "`notification` (a request of the caller ended). The data is JSON: kind, tenantId, requestId, "
                    + "status, coursesDone, coursesTotal, username. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The stream; a `ready` event first")
    @ApiResponse(responseCode = "401", description = "Not authenticated")
    @ApiResponse(responseCode = "403", description = "Not a viewer of a district")
    SseEmitter events(@Parameter(description = "Close the stream after this many seconds (1-3600); default 3600")
                      @RequestParam(required = false) Integer seconds) throws IOException {
        long timeout = seconds == null ? MAX_STREAM.toMillis()
                : Duration.ofSeconds(Math.clamp(seconds, 1, MAX_STREAM.toSeconds())).toMillis();
        SseEmitter emitter = new SseEmitter(timeout);
        // one sender per stream keeps the order and never blocks the node's event listener
        ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sse-", 0).factory());
        AutoCloseable subscription;
        try {
            subscription = stream.watch(event -> {
                try {
                    sender.execute(() -> send(emitter, event));
                } catch (RejectedExecutionException closed) {
                    // the stream has ended
                }
            });
        } catch (RuntimeException refused) {
            sender.shutdown();
            throw refused;
        }
        Runnable stop = () -> {
            if (open.remove(emitter)) {
                try {
                    subscription.close();
                } catch (Exception ignored) {
                    // unsubscribing cannot fail
                }
                sender.shutdown();
            }
        };
        open.add(emitter);
        emitter.onCompletion(stop);
        emitter.onTimeout(emitter::complete);
        emitter.onError(e -> stop.run());
        emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
        return emitter;
    }

    /** Ends the open streams when the node shuts down, so a graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        open.forEach(SseEmitter::complete);
    }

    private static void send(SseEmitter emitter, PushEvent event) {
        try {
            SseEmitter.SseEventBuilder sse = SseEmitter.event().name(event.kind().toLowerCase(Locale.ROOT))
                    .data(event, MediaType.APPLICATION_JSON);
            emitter.send(event.requestId() == null ? sse : sse.id(event.requestId().toString()));
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }
}
