package app.cascade.notifications;

import java.time.Instant;
import java.util.UUID;

/** An in-app notification of the signed-in user. */
public record NotificationView(long id, UUID requestId, String title, String body, String status, Instant createdAt,
                               boolean read) {
}
