package app.cascade.ui;

import app.cascade.security.CurrentUserService;
import app.cascade.security.Roles;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The root path sends each user to the first view their role works in. */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    static final String DISTRICT_LANDING = "catalogs";
    static final String SUPPORT_LANDING = "support/districts";

    private final transient CurrentUserService users;

    HomeView(CurrentUserService users) {
        this.users = users;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        users.current().ifPresent(user -> {
            if (user.districts().isEmpty() && !user.hasRole(Roles.SUPPORT)) {
                event.forwardTo(app.cascade.security.ui.DistrictNotEnabledView.class);
            } else if (user.hasRole(Roles.VIEWER)) {
                event.forwardTo(DISTRICT_LANDING);
            } else if (user.hasRole(Roles.SUPPORT)) {
                event.forwardTo(SUPPORT_LANDING);
            }
        });
    }
}
