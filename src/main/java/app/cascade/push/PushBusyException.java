package app.cascade.push;

import app.cascade.api.BusyException;

import java.time.Duration;

/**
 * The node cannot take another push request right now (it is saturated); nothing was stored. The API answers 503
 * with {@code Retry-After} ({@link BusyException}): the client should try again after {@link #retryAfter()}.
 */
public class PushBusyException extends BusyException {

    public PushBusyException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
