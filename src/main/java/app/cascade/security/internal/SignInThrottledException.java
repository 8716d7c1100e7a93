package app.cascade.security.internal;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A sign-in refused without checking its password: the user name has failed too often from this address. */
public final class SignInThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    public SignInThrottledException(Duration wait) {
        this(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private SignInThrottledException(long retryAfterSeconds) {
        super("Too many failed sign-ins for this user name from this address. Try again in " + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second." : " seconds."));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds to wait, at least 1: the value of a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
