package app.cascade.push.ui;

import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushStatus;
import com.vaadin.flow.component.html.Div;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A polite live region, visually hidden, that a screen reader reads out when its text changes: the Batch Queue
 * List's status changes ("High School Catalog (26-27): Completed."), which sighted users see in the grid. The toasts
 * need none: Vaadin's notification card is a {@code role="alert"} region of its own.
 */
class LiveStatus extends Div {

    private final Map<UUID, PushStatus> seen = new HashMap<>();
    private boolean first = true;

    LiveStatus(String id) {
        setId(id);
        addClassName("cascade-sr-only");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-atomic", "true");
    }

    /** Announces every request that is new or whose status changed since the last call (none on the first). */
    void statuses(List<PushRequestSummary> rows) {
        List<String> changes = new ArrayList<>();
        for (PushRequestSummary r : rows) {
            PushStatus before = seen.put(r.id(), r.status());
            if (!first && before != r.status()) {
                changes.add(PushQueue.pushed(r) + " (" + r.schoolYear() + "): " + r.status().label() + ".");
            }
        }
        first = false;
        if (!changes.isEmpty()) {
            setText(String.join(" ", changes));
        }
    }
}
