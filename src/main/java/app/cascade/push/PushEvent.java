package app.cascade.push;

import java.util.UUID;

/**
 * Something changed that open screens should show at once, on any node: a request's status or progress, or a new
 * notification for a user. Carried between nodes by PostgreSQL LISTEN/NOTIFY.
 *
 * @param kind      {@code REQUEST} or {@code NOTIFICATION}
 * @param username  the user a notification is for (null for request events)
 */
public record PushEvent(String kind, String tenantId, UUID requestId, String status, int coursesDone,
                        Integer coursesTotal, String username) {

    public static final String REQUEST = "REQUEST";
    public static final String NOTIFICATION = "NOTIFICATION";

    public static PushEvent request(String tenantId, UUID requestId, PushStatus status, int done, Integer total) {
        return new PushEvent(REQUEST, tenantId, requestId, status.name(), done, total, null);
    }

    public static PushEvent notification(String tenantId, UUID requestId, String username) {
        return new PushEvent(NOTIFICATION, tenantId, requestId, null, 0, null, username);
    }
}
