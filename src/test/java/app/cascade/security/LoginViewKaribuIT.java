package app.cascade.security;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.KaribuSession;
import app.cascade.security.internal.SignInThrottledException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

import java.time.Duration;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** What the sign-in form says after a refused sign-in: why, and for a throttled one how long to wait. */
@CascadeIntegrationTest
class LoginViewKaribuIT {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void open() {
        KaribuSession.open(context, null);
    }

    @AfterEach
    void close() {
        KaribuSession.close();
    }

    /** The failure Spring Security keeps in the session, then the page it redirects to. */
    private LoginForm afterFailure(Exception failure, String parameter) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of(parameter, "")));
        return _get(LoginForm.class);
    }

    private static String i18n(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    @Test
    void a_sign_in_refused_by_the_throttle_says_so_and_how_long_to_wait() {
        LoginForm form = afterFailure(new SignInThrottledException(Duration.ofSeconds(4)), "error");

        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("Too many failed sign-ins")
                .contains("Try again in 4 seconds.");
    }

    @Test
    void a_wrong_password_shows_the_usual_error() {
        LoginForm form = afterFailure(new BadCredentialsException("Bad credentials"), "error");

        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).doesNotContain("Too many failed sign-ins");
    }

    @Test
    void the_form_says_sign_in_as_the_header_says_sign_out_never_log_in() {
        UI.getCurrent().navigate("login");
        LoginForm form = _get(LoginForm.class);

        assertThat(i18n(form)).contains("\"title\":\"Sign in\"", "\"submit\":\"Sign in\"")
                .doesNotContainIgnoringCase("log in");
    }

    @Test
    void a_stale_sign_in_page_asks_to_sign_in_again() {
        LoginForm form = afterFailure(new BadCredentialsException("Bad credentials"), "expired");

        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("The sign-in page had expired");
    }
}
