package app.cascade.push;

import app.cascade.security.CurrentUser;
import app.cascade.security.CurrentUserService;
import app.cascade.tenancy.CurrentTenant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.function.Consumer;

/**
 * Live events for one watcher, as the queue and the bell see them: the status and progress of every request of the
 * caller's district, and the caller's own notifications, wherever the push runs (events come through PostgreSQL
 * from every node).
 */
@Service
public class PushEventStream {

    private final PushEvents events;
    private final CurrentTenant tenant;
    private final CurrentUserService users;

    public PushEventStream(PushEvents events, CurrentTenant tenant, CurrentUserService users) {
        this.events = events;
        this.tenant = tenant;
        this.users = users;
    }

    /**
     * Subscribes {@code watcher} (which must not block) to the current user's events.
     *
     * @return close it to stop watching
     */
    @PreAuthorize("hasRole('VIEWER')")
    public AutoCloseable watch(Consumer<PushEvent> watcher) {
        String district = tenant.require().id();
        String username = users.current().map(CurrentUser::username).orElseThrow();
        return events.subscribe(event -> {
            if (!district.equals(event.tenantId())) {
                return;
            }
            if (PushEvent.REQUEST.equals(event.kind())
                    || (PushEvent.NOTIFICATION.equals(event.kind()) && username.equals(event.username()))) {
                watcher.accept(event);
            }
        });
    }
}
