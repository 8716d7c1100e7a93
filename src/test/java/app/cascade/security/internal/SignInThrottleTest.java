package app.cascade.security.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class Clock implements InstantSource {
        Instant now = Instant.parse("2026-09-01T06:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    final Clock clock = new Clock();
    final SignInThrottle throttle = new SignInThrottle(
            new SignInProperties(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 1000), clock);

    private void fail(int times, String user, String client) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, client);
        }
    }

    @Test
    void four_failures_lock_nothing_and_the_fifth_locks_the_pair_for_one_second() {
        fail(4, "alpha.viewer", "10.0.0.1");
        assertThat(throttle.lockedFor("alpha.viewer", "10.0.0.1")).isEmpty();

        throttle.failed("alpha.viewer", "10.0.0.1");

        assertThat(throttle.lockedFor("alpha.viewer", "10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(throttle.lockedFor("alpha.viewer", "10.0.0.1")).contains(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.lockedFor("alpha.viewer", "10.0.0.1")).isEmpty();
    }

    @Test
    void every_further_failure_doubles_the_lock_out_up_to_the_cap() {
        fail(5, "alpha.viewer", "10.0.0.1");
        for (long seconds : new long[]{2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900}) {
            clock.advance(Duration.ofMinutes(15));
            throttle.failed("alpha.viewer", "10.0.0.1");
            assertThat(throttle.lockedFor("alpha.viewer", "10.0.0.1")).contains(Duration.ofSeconds(seconds));
        }
        assertThat(throttle.lockout(10_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void another_user_name_or_another_client_is_not_affected_and_case_does_not_make_another_name() {
        fail(5, "alpha.viewer", "10.0.0.1");

        assertThat(throttle.lockedFor("alpha.admin", "10.0.0.1")).isEmpty();
        assertThat(throttle.lockedFor("alpha.viewer", "10.0.0.2")).isEmpty();
        assertThat(throttle.lockedFor(" Alpha.Viewer ", "10.0.0.1")).isPresent();
    }

    @Test
    void a_success_clears_the_pair_so_the_next_failure_counts_from_one() {
        fail(4, "alpha.viewer", "10.0.0.1");
        throttle.succeeded("alpha.viewer", "10.0.0.1");

        fail(4, "alpha.viewer", "10.0.0.1");

        assertThat(throttle.lockedFor("alpha.viewer", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_pair_that_has_not_failed_for_an_hour_starts_afresh() {
        fail(7, "alpha.viewer", "10.0.0.1");
        clock.advance(Duration.ofHours(1));

        throttle.failed("alpha.viewer", "10.0.0.1");

        assertThat(throttle.lockedFor("alpha.viewer", "10.0.0.1")).isEmpty();
    }

    @Test
    void the_exception_tells_how_many_whole_seconds_to_wait() {
        assertThat(new SignInThrottledException(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new SignInThrottledException(Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new SignInThrottledException(Duration.ofSeconds(4)).getMessage())
                .isEqualTo("Too many failed sign-ins for this user name from this address. Try again in 4 seconds.");
    }

    @Test
    void a_setting_that_makes_no_sense_is_refused_naming_it() {
        assertThatThrownBy(() -> new SignInProperties(0, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 10)).hasMessageStartingWith("cascade.security.sign-in.free-failures");
        assertThatThrownBy(() -> new SignInProperties(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofMinutes(1), 10)).hasMessageStartingWith("cascade.security.sign-in.forget-after");
        assertThatThrownBy(() -> new SignInProperties(5, Duration.ZERO, Duration.ofMinutes(15),
                Duration.ofHours(1), 10)).hasMessageStartingWith("cascade.security.sign-in.first-lockout");
    }
}
