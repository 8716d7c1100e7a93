package app.cascade.security.ui;

import app.cascade.security.internal.SignInThrottledException;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.web.WebAttributes;

/** Dev-mode sign-in with the demo users listed in the README. In OIDC mode users go to Keycloak instead. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Cascade")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentModeCenter();
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        H1 title = new H1("Cascade");
        title.addClassName("cascade-brand");
        add(title, new Paragraph("Push course-master grading setup to courses and sections."), form);
    }

    /** The app's one wording: "Sign in" here as "Sign out" in the header (never "Log in"). */
    static LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setSubmit("Sign in");
        return i18n;
    }

    private void setJustifyContentModeCenter() {
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    }

    /**
     * {@code ?error}: the sign-in failed; when it was refused because of too many failures (the exception Spring
     * Security kept in the session says so), the form says so and how long to wait. {@code ?expired}: the page's
     * CSRF token had gone stale (see SecurityConfiguration).
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("expired")) {
            form.showErrorMessage("The sign-in page had expired", "Please sign in again.");
        } else if (parameters.containsKey("error")
                && lastFailure() instanceof SignInThrottledException throttled) {
            form.showErrorMessage("Too many failed sign-ins", throttled.getMessage());
        } else {
            form.setError(parameters.containsKey("error"));
        }
    }

    private static Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
