package app.cascade.notifications;

import app.cascade.notifications.internal.PushMailer;
import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import app.cascade.push.PushEnded;
import app.cascade.push.PushRequestSummary;
import app.cascade.security.CurrentUserService;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Tells the submitter that a push request ended: an in-app notification (stored per district and user, pushed live
 * to open screens on any node) and an e-mail when mail and the district's sender are configured.
 */
@Service
public class NotificationService {

    private final JdbcTemplate jdbc;
    private final CurrentUserService users;
    private final PushEvents events;
    private final PushMailer mailer;
    private final TransactionTemplate tx;
    private final TenantRegistry registry;

    public NotificationService(JdbcTemplate jdbc, CurrentUserService users, PushEvents events, PushMailer mailer,
                               PlatformTransactionManager transactions, TenantRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.users = users;
        this.events = events;
        this.mailer = mailer;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * A push request reached a final status (its job, or the job reconciler, says so). Idempotent per request. Its
     * words ({@link PushEndedText}) say what an undo put back and left; mail and bell link to the request's report.
     */
    @EventListener
    public void onPushEnded(PushEnded ended) {
        String tenantId = ended.tenantId();
        PushRequestSummary request = ended.request();
        UUID requestId = request.id();
        ZoneId zone = registry.find(tenantId).map(Tenant::timeZone).orElse(ZoneOffset.UTC);
        String title = PushEndedText.title(ended, zone);
        String body = PushEndedText.body(ended);
        Boolean stored = TenantContext.call(tenantId, () -> tx.execute(s -> {
            Integer existing = jdbc.queryForObject("select count(*) from notification where request_id = ?",
                    Integer.class, requestId);
            if (existing != null && existing > 0) {
                return false;
            }
            jdbc.update("insert into notification (username, request_id, title, body, status) values (?, ?, ?, ?, ?)",
                    request.submittedBy(), requestId, title, body, request.status().name());
            return true;
        }));
        if (!Boolean.TRUE.equals(stored)) {
            return;
        }
        events.publish(PushEvent.notification(tenantId, requestId, request.submittedBy()));
        mailer.send(tenantId, ended.submitterEmail(), request, title, body);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<NotificationView> mine(int limit) {
        return jdbc.query("""
                select id, request_id, title, body, status, created_at, read_at is not null as read
                from notification where username = ? order by created_at desc, id desc limit ?
                """, (rs, n) -> new NotificationView(rs.getLong("id"), rs.getObject("request_id", UUID.class),
                rs.getString("title"), rs.getString("body"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("read")), username(), limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int unreadCount() {
        Integer n = jdbc.queryForObject("select count(*) from notification where username = ? and read_at is null",
                Integer.class, username());
        return n == null ? 0 : n;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markAllRead() {
        jdbc.update("update notification set read_at = now() where username = ? and read_at is null", username());
    }

    private String username() {
        return users.current().orElseThrow().username();
    }
}
