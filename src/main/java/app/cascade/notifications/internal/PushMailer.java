package app.cascade.notifications.internal;

import app.cascade.notifications.NotificationView;
import app.cascade.push.PushRequestSummary;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The e-mail about an ended push or undo: what happened, its settings and counts, and a link to its report. Sent only when mail is configured
 * ({@code spring.mail.host}) and the submitter has an address; a mail failure never fails the push.
 */
@Component
public class PushMailer {

    private static final Logger log = LoggerFactory.getLogger(PushMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final TenantRegistry registry;
    private final String baseUrl;

    public PushMailer(ObjectProvider<JavaMailSender> sender, TenantRegistry registry,
                      @Value("${cascade.base-url}") String baseUrl) {
        this.sender = sender;
        this.registry = registry;
        this.baseUrl = baseUrl;
    }

    public void send(String tenantId, String to, PushRequestSummary request, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        Tenant tenant = registry.find(tenantId).orElse(null);
        if (mail == null || to == null || to.isBlank() || tenant == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(tenant.notificationSender());
        message.setTo(to);
        message.setSubject("[Cascade] " + subject);
        message.setText(tenant.displayName() + "\n\n" + subject + "\n\n" + body + "\n\nReport: " + baseUrl
                + "/" + NotificationView.reportPath(request.id()) + "\n");
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("Could not send the push e-mail for request {} to {}", request.id(), to, e);
        }
    }
}
