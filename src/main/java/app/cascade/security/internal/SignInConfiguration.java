package app.cascade.security.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Password sign-in (dev mode: the form and HTTP Basic) through the {@link SignInThrottle}. The provider is the
 * global authentication manager's only provider, so both filter chains use it. In OIDC mode the user details
 * service refuses every name, so no password is ever accepted (see {@code SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    SignInThrottle signInThrottle(SignInProperties properties) {
        return new SignInThrottle(properties, InstantSource.system());
    }

    @Bean
    AuthenticationProvider throttledPasswordSignIn(UserDetailsService users, PasswordEncoder encoder,
                                                   SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    /** The API's answer to a locked-out HTTP Basic client: 429, {@code Retry-After} and a problem JSON saying why. */
    static void tooManySignIns(SignInThrottledException e, HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", e.getMessage());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
