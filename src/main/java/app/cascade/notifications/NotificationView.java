package app.cascade.notifications;

import java.time.Instant;
import java.util.UUID;

/** An in-app notification of the signed-in user. */
public record NotificationView(long id, UUID requestId, String title, String body, String status, Instant createdAt,
                               boolean read) {

    /** The route that opens a request's report (Push All Course Masters, its Batch Queue List): bell and mail link. */
    public static final String REPORT_ROUTE = "push-all-course-masters";

    /** The path, relative to the app, of the report of request {@code requestId}. */
    public static String reportPath(UUID requestId) {
        return REPORT_ROUTE + "?request=" + requestId;
    }

    /** The path of this notification's request's report. */
    public String reportPath() {
        return reportPath(requestId);
    }
}
