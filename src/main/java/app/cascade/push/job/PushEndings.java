package app.cascade.push.job;

import app.cascade.push.PushEnded;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/** Publishes {@link PushEnded} for a request whose final status has committed. */
@Component
class PushEndings {

    private final PushRequestStore store;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;

    PushEndings(PushRequestStore store, ApplicationEventPublisher publisher, PlatformTransactionManager transactions) {
        this.store = store;
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
    }

    void ended(String tenantId, UUID requestId) {
        TenantContext.call(tenantId, () -> tx.execute(s -> store.summary(requestId)
                        .map(summary -> new PushEnded(tenantId, summary,
                                store.submitterEmail(requestId).orElse(null)))))
                .ifPresent(publisher::publishEvent);
    }
}
