package app.cascade.security;

import app.cascade.security.internal.SignInProperties;
import app.cascade.security.internal.SignInThrottle;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The setup shared by {@link DevSignInIT} and {@link TrustedProxyIT} (one cached context for both): the sign-in
 * throttle reads a clock the test moves by hand, and 127.0.0.1 is a trusted proxy ({@link #PROPERTIES}).
 */
@TestConfiguration(proxyBeanMethods = false)
class ProxiedTestSetup {

    static final String TRUSTED_LOOPBACK = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1";
    static final String ALLOWED_HOST = "cascade.security.allowed-hosts=cascade.district.example";

    /** The clock of the sign-in throttle. */
    static final class Clock implements InstantSource {
        private volatile Instant now = Instant.parse("2026-09-01T06:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Bean
    Clock signInClock() {
        return new Clock();
    }

    @Bean
    @Primary
    SignInThrottle testSignInThrottle(SignInProperties properties, Clock signInClock) {
        return new SignInThrottle(properties, signInClock);
    }
}
