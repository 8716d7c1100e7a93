package app.cascade.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code cascade.security.sign-in.*}: how failed password sign-ins (dev mode: the form and HTTP Basic) are throttled
 * per user name and client address. After {@code freeFailures} failures in a row the pair is locked out for
 * {@code firstLockout}, and every further failure doubles the lock-out, up to {@code maxLockout}. A pair that has
 * not failed for {@code forgetAfter} starts afresh; at most {@code maxTracked} pairs are remembered (the least used
 * are forgotten first), so the bookkeeping never grows without bound.
 */
@ConfigurationProperties("cascade.security.sign-in")
public record SignInProperties(@DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration firstLockout,
                               @DefaultValue("15m") Duration maxLockout, @DefaultValue("1h") Duration forgetAfter,
                               @DefaultValue("100000") int maxTracked) {

    public SignInProperties {
        require(freeFailures >= 1, "free-failures must be at least 1, not " + freeFailures);
        require(firstLockout.isPositive(), "first-lockout must be positive, not " + firstLockout);
        require(maxLockout.compareTo(firstLockout) >= 0,
                "max-lockout (" + maxLockout + ") must not be shorter than first-lockout (" + firstLockout + ")");
        require(forgetAfter.compareTo(maxLockout) >= 0,
                "forget-after (" + forgetAfter + ") must not be shorter than max-lockout (" + maxLockout + ")");
        require(maxTracked >= 1, "max-tracked must be at least 1, not " + maxTracked);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("cascade.security.sign-in." + message);
        }
    }
}
