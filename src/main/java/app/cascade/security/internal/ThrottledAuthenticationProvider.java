package app.cascade.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.Optional;

/**
 * Password sign-in (the dev-mode form and HTTP Basic both end here) behind the {@link SignInThrottle}: a locked-out
 * (user name, client address) pair is refused with {@link SignInThrottledException} before its password is checked;
 * a wrong password counts as a failure, a right one clears the pair. The client address is the request's remote
 * address, which Tomcat takes from {@code X-Forwarded-For} only when a trusted proxy sent it.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String client = client(authentication);
        Optional<Duration> wait = throttle.lockedFor(username, client);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            if (result != null) {
                throttle.succeeded(username, client);
            }
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, client);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}
