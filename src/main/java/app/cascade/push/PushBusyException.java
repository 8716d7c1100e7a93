package app.cascade.push;

import java.time.Duration;

/** The node is saturated: nothing was stored; the caller may try again after {@link #retryAfter()}. */
public class PushBusyException extends RuntimeException {

    private final Duration retryAfter;

    public PushBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
