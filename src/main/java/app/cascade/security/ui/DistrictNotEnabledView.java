package app.cascade.security.ui;

import app.cascade.security.CurrentUserService;
import app.cascade.tenancy.DistrictAvailability;
import app.cascade.tenancy.DistrictReadiness;
import app.cascade.tenancy.DistrictState;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Optional;

/**
 * Shown to a signed-in user who belongs to no district known to Cascade (no organization, or one that is not a
 * registered tenant), whose districts are switched off (tenant file {@code enabled: false}), which it names, or whose
 * district's schema could not be migrated on this node (with the reason). Never a stack trace, never a default
 * district.
 */
@Route(value = "district-not-enabled", autoLayout = false)
@PageTitle("District not enabled | Cascade")
@PermitAll
public class DistrictNotEnabledView extends VerticalLayout {

    DistrictNotEnabledView(AuthenticationContext authentication, CurrentUserService users, TenantRegistry registry,
                           DistrictReadiness readiness) {
        addClassName("cascade-view");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.setId("not-enabled-sign-out");
        List<String> off = users.current().map(u -> u.switchedOff().stream()
                .map(id -> registry.find(id).map(Tenant::displayName).orElse(id)).toList()).orElse(List.of());
        Optional<DistrictAvailability> unavailable = users.current().flatMap(u -> u.activeDistrict())
                .map(readiness.availability()::get).filter(a -> a.state() == DistrictState.UNAVAILABLE);
        if (unavailable.isPresent()) {
            Paragraph why = new Paragraph(registry.find(unavailable.get().tenantId()).map(Tenant::displayName)
                    .orElse(unavailable.get().tenantId()) + " cannot be opened right now: " + unavailable.get().reason()
                    + ". Its data is safe. Cascade support sees this too; try again later.");
            why.setId("district-unavailable");
            add(new H2("Your district is unavailable"), why);
        } else if (off.isEmpty()) {
            add(new H2("Your district is not enabled in Cascade"),
                    new Paragraph("You are signed in, but your account does not belong to a district that uses "
                            + "Cascade. Ask your district's Cascade administrator to add you to the district's "
                            + "organization, or sign in with another account."));
        } else {
            Paragraph why = new Paragraph(String.join(", ", off) + (off.size() == 1 ? " is" : " are")
                    + " switched off in Cascade. Nothing of it can be opened until it is switched on again; its data "
                    + "and its queued pushes are kept. Ask your district's Cascade administrator or Cascade support.");
            why.setId("district-switched-off");
            add(new H2("Your district is switched off in Cascade"), why);
        }
        add(signOut);
    }
}
