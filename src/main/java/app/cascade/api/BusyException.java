package app.cascade.api;

import java.time.Duration;

/**
 * The server cannot take this request now and stored nothing of it; the client should try again after
 * {@link #retryAfter()}. Wherever it is thrown during an API call, the answer is 503 problem JSON with
 * {@code Retry-After}. A feature throws its own subclass (e.g. {@code PushBusyException}).
 */
public class BusyException extends RuntimeException {

    private final Duration retryAfter;

    public BusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
