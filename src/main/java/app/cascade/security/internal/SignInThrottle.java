package app.cascade.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The failed sign-ins of each (user name, client address) pair, kept in a bounded Caffeine cache whose entries
 * expire {@code forget-after} past their last failure ({@link SignInProperties}). A pair is locked out once it has
 * failed {@code free-failures} times in a row: 1 s after the fifth failure, 2 s after the sixth, 4 s after the
 * seventh ... up to {@code max-lockout}. A success forgets the pair. Another user name, or the same one from another
 * address, is not affected.
 */
public final class SignInThrottle {

    /** Longer user names are cut for the key: the key's memory stays small whatever a client sends. */
    private static final int MAX_NAME = 256;

    private record Key(String username, String client) {
    }

    /** @param lockedUntil null while the pair has failed fewer than {@code free-failures} times */
    private record Failures(int count, Instant lockedUntil) {
    }

    private final SignInProperties properties;
    private final InstantSource clock;
    private final Cache<Key, Failures> failures;

    public SignInThrottle(SignInProperties properties, InstantSource clock) {
        this.properties = properties;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(properties.maxTracked())
                .expireAfterWrite(properties.forgetAfter())
                .ticker(() -> nanos(clock.instant()))
                .build();
    }

    /** How long the pair must still wait before its password is checked again; empty when it may try now. */
    public Optional<Duration> lockedFor(String username, String client) {
        Failures pair = failures.getIfPresent(key(username, client));
        Instant now = clock.instant();
        if (pair == null || pair.lockedUntil() == null || !now.isBefore(pair.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, pair.lockedUntil()));
    }

    /** A wrong password (or an unknown user name): one more failure, and a lock-out from the fifth on. */
    public void failed(String username, String client) {
        failures.asMap().compute(key(username, client), (key, pair) -> {
            int count = pair == null ? 1 : pair.count() + 1;
            return new Failures(count, count < properties.freeFailures() ? null
                    : clock.instant().plus(lockout(count)));
        });
    }

    /** A successful sign-in: the pair starts afresh. */
    public void succeeded(String username, String client) {
        failures.invalidate(key(username, client));
    }

    /** The lock-out after the {@code count}-th failure in a row (count ≥ free-failures): doubling, capped. */
    Duration lockout(int count) {
        int doublings = count - properties.freeFailures();
        if (doublings >= 40) {
            return properties.maxLockout();
        }
        Duration lockout = properties.firstLockout().multipliedBy(1L << doublings);
        return lockout.compareTo(properties.maxLockout()) > 0 ? properties.maxLockout() : lockout;
    }

    private static Key key(String username, String client) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return new Key(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name,
                client == null ? "" : client);
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
