package app.cascade.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * Shown to a signed-in user who belongs to no district known to Cascade (no organization, or one that is not a
 * registered tenant). Never a stack trace, never a default district.
 */
@Route(value = "district-not-enabled", autoLayout = false)
@PageTitle("District not enabled | Cascade")
@PermitAll
public class DistrictNotEnabledView extends VerticalLayout {

    DistrictNotEnabledView(AuthenticationContext authentication) {
        addClassName("cascade-view");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.setId("not-enabled-sign-out");
        add(new H2("Your district is not enabled in Cascade"),
                new Paragraph("You are signed in, but your account does not belong to a district that uses Cascade. "
                        + "Ask your district's Cascade administrator to add you to the district's organization, or "
                        + "sign in with another account."),
                signOut);
    }
}
