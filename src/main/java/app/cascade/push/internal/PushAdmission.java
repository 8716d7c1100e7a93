package app.cascade.push.internal;

import app.cascade.push.PushBusyException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounds how many push submissions this node serves at once (a Resilience4j bulkhead): a burst queues for at most
 * {@code max-wait}, and past that the caller is told to come back ({@link PushBusyException}, 503 with Retry-After)
 * before anything is stored, instead of every caller queueing for the connection pool.
 */
@Component
public class PushAdmission {

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Bulkhead bulkhead;

    public PushAdmission(@Value("${cascade.push.submit.concurrency:8}") int concurrency,
                         @Value("${cascade.push.submit.max-wait:1s}") Duration maxWait) {
        this.bulkhead = Bulkhead.of("push-submit", BulkheadConfig.custom()
                .maxConcurrentCalls(concurrency)
                .maxWaitDuration(maxWait)
                .build());
    }

    public <T> T admit(Supplier<T> submission) {
        try {
            return bulkhead.executeSupplier(submission);
        } catch (BulkheadFullException e) {
            throw new PushBusyException("Cascade is accepting many push requests at this moment and stored nothing "
                    + "of this one; send it again in a few seconds", RETRY_AFTER);
        }
    }
}
