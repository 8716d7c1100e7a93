package app.cascade.push.ui;

import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

import java.io.Serializable;
import java.util.function.Predicate;

/**
 * A component's subscription to {@link PushEvents} while it is attached (the push tools' queue, the header's bell):
 * {@link #start} from {@code onAttach}, {@link #stop} from {@code onDetach}. Each event the component accepts runs an
 * update in its UI; an event that arrives after the screen has gone updates nothing.
 */
public final class LivePushEvents implements Serializable {

    private transient AutoCloseable subscription;

    /**
     * Subscribes: every event {@code accept} lets through (tested on the event's thread, so it must not block) runs
     * {@code update} in {@code ui}.
     */
    public void start(PushEvents events, UI ui, Predicate<PushEvent> accept, Command update) {
        subscription = events.subscribe(event -> {
            if (accept.test(event)) {
                try {
                    ui.access(update);
                } catch (UIDetachedException closedMeanwhile) {
                    // the screen went away between the event and now: nothing to update
                }
            }
        });
    }

    /** Unsubscribes, if subscribed. */
    public void stop() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the subscription is gone either way
            }
            subscription = null;
        }
    }
}
