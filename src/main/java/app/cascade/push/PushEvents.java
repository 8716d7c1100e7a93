package app.cascade.push;

import java.util.function.Consumer;

/**
 * Publishes events to every node (through PostgreSQL, no extra broker) and delivers them to this node's subscribers.
 * Subscribers must filter by district themselves and must not block.
 */
public interface PushEvents {

    void publish(PushEvent event);

    /** @return call {@link AutoCloseable#close()} (e.g. on detach) to unsubscribe */
    AutoCloseable subscribe(Consumer<PushEvent> subscriber);
}
