package app.cascade.push.internal;

import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link PushEvents} over PostgreSQL {@code LISTEN/NOTIFY} on channel {@value #CHANNEL}: a push running on any node
 * updates the screens on every node. One listening connection per node, on the main server, re-opened if it breaks.
 */
@Component
public class PgNotifyEvents implements PushEvents, SmartLifecycle {

    static final String CHANNEL = "cascade_events";
    private static final Logger log = LoggerFactory.getLogger(PgNotifyEvents.class);

    private final DataSource dataSource;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Consumer<PushEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final MeterRegistry meters;
    private volatile boolean running;
    private Thread listener;

    public PgNotifyEvents(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.meters = meters;
    }

    /**
     * Sends the event at once, on the main server where every node listens, over a connection of its own: never
     * through a transaction the caller may be in, which may be a district's on another server (decision 0027), where
     * no node listens. Callers publish after their commit.
     */
    @Override
    public void publish(PushEvent event) {
        String payload = json.writeValueAsString(event);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not publish push event " + event.kind(), e);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<PushEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("cascade-events-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        deliver(json.readValue(n.getParameter(), PushEvent.class));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Event listener connection lost; reconnecting", e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void deliver(PushEvent event) {
        Counter.builder("cascade.push.events.received")
                .description("Push events received from PostgreSQL by this node, whichever node published them")
                .tag("kind", event.kind()).register(meters).increment();
        for (Consumer<PushEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.warn("An event subscriber failed", e);
            }
        }
    }
}
