package app.cascade.push.job;

import app.cascade.push.PushEnded;
import app.cascade.push.PushKind;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.UndoOutcomes;
import app.cascade.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * Publishes {@link PushEnded} for a request whose final status has committed, with what an undo did; then the slot it
 * ran in is free, and the district's oldest request held for one gets a job ({@link HeldRequests}).
 */
@Component
class PushEndings {

    private final PushRequestStore store;
    private final UndoOutcomes undos;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final HeldRequests held;

    PushEndings(PushRequestStore store, UndoOutcomes undos, ApplicationEventPublisher publisher,
                PlatformTransactionManager transactions, HeldRequests held) {
        this.store = store;
        this.held = held;
        this.undos = undos;
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
    }

    /** Called outside any transaction, after the request's final status committed. */
    void ended(String tenantId, UUID requestId) {
        try {
            TenantContext.call(tenantId, () -> tx.execute(s -> store.summary(requestId)
                            .map(summary -> new PushEnded(tenantId, summary,
                                    store.submitterEmail(requestId).orElse(null),
                                    summary.kind() == PushKind.UNDO ? undos.of(requestId).orElse(null) : null))))
                    .ifPresent(publisher::publishEvent);
        } finally {
            held.afterEnd(tenantId);
        }
    }
}
