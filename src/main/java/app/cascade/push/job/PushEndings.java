package app.cascade.push.job;

import app.cascade.push.PushEnded;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/** Publishes {@link PushEnded} for a request whose final status has committed. */
@Component
class PushEndings {

    private final PushRequestStore store;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;

    PushEndings(PushRequestStore store, JdbcTemplate jdbc, ApplicationEventPublisher publisher,
                PlatformTransactionManager transactions) {
        this.store = store;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
    }

    void ended(String tenantId, UUID requestId) {
        TenantContext.call(tenantId, () -> tx.execute(s -> store.summary(requestId)
                        .map(summary -> new PushEnded(tenantId, summary, submitterEmail(requestId)))))
                .ifPresent(publisher::publishEvent);
    }

    private String submitterEmail(UUID requestId) {
        List<String> email = jdbc.queryForList("select submitter_email from push_request where id = ?", String.class,
                requestId);
        return email.isEmpty() ? null : email.getFirst();
    }
}
