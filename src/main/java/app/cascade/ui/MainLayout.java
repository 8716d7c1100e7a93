package app.cascade.ui;

import app.cascade.notifications.ui.NotificationBell;
import app.cascade.security.CurrentUser;
import app.cascade.security.CurrentUserService;
import app.cascade.security.Roles;
import app.cascade.security.ui.ChooseDistrictView;
import app.cascade.security.ui.DistrictNotEnabledView;
import app.cascade.tenancy.DistrictReadiness;
import app.cascade.tenancy.DistrictState;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The app shell: a header with the district, the user and sign-out (one line also on a phone, where the user's name
 * is hidden, the district's cut short and sign-out is an icon: cascade.css), and a side navigation that lists only the views
 * the signed-in user may open ({@link MenuConfiguration} applies each view's access annotations).
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final transient CurrentUserService users;
    private final transient TenantRegistry registry;
    private final transient AuthenticationContext authentication;
    private final transient ObjectProvider<NotificationBell> bells;
    private final transient DistrictReadiness readiness;

    MainLayout(CurrentUserService users, TenantRegistry registry, AuthenticationContext authentication,
               ObjectProvider<NotificationBell> bells, DistrictReadiness readiness) {
        this.readiness = readiness;
        this.users = users;
        this.registry = registry;
        this.authentication = authentication;
        this.bells = bells;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        addToDrawer(brand(), navigation());
    }

    private static H1 brand() {
        H1 brand = new H1("Cascade");
        brand.addClassName("cascade-brand");
        brand.getStyle().set("padding", "var(--lumo-space-m)");
        return brand;
    }

    private HorizontalLayout header() {
        CurrentUser user = users.current().orElse(null);
        Span district = new Span(user == null ? "" : user.activeDistrict().flatMap(registry::find)
                .map(Tenant::displayName).orElse(user.hasRole("SUPPORT") ? "Platform support" : "No district"));
        district.addClassName("cascade-district");
        district.setId("header-district");
        Span name = new Span(user == null ? "" : user.displayName());
        name.addClassName("cascade-user");
        name.setId("header-user");
        Button signOut = new Button(VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        Span signOutLabel = new Span("Sign out");
        signOutLabel.addClassName("cascade-sign-out-label"); // hidden on a phone; the aria-label stays
        signOut.getElement().appendChild(signOutLabel.getElement());
        signOut.setAriaLabel("Sign out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        HorizontalLayout header = new HorizontalLayout(district, name, signOut);
        header.addClassName("cascade-header");
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(district);
        if (user != null && user.activeDistrict().isPresent()) {
            header.addComponentAtIndex(1, bells.getObject());
        }
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        return header;
    }

    /**
     * The menu entries in order; an entry whose path lies under another entry's path (e.g. "reports/audit" under
     * "reports") is nested in that entry, so an area such as Reports groups its views.
     */
    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        java.util.Map<String, SideNavItem> byPath = new java.util.HashMap<>();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            String path = entry.path().replaceAll("^/+", "");
            byPath.put(path, item);
            SideNavItem parent = path.contains("/") ? byPath.get(path.substring(0, path.lastIndexOf('/'))) : null;
            if (parent != null) {
                parent.addItem(item);
                parent.setExpanded(true);
                // Vaadin 25.2's item names its toggle's list by aria-controls="children", an id the list lacks
                parent.getElement().executeJs("this.updateComplete.then(() => {"
                        + " const list = this.shadowRoot.querySelector('[part=\"children\"]');"
                        + " if (list) list.id = 'children'; })");
            } else {
                nav.addItem(item);
            }
        }
        return nav;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        users.current().ifPresent(user -> {
            if (user.mustChooseDistrict()) {
                event.forwardTo(ChooseDistrictView.class);
            } else if (user.districts().isEmpty() && !user.hasRole(Roles.SUPPORT)) {
                event.forwardTo(DistrictNotEnabledView.class);
            } else if (user.activeDistrict().map(readiness.availability()::get)
                    .filter(a -> a.state() == DistrictState.UNAVAILABLE).isPresent()) {
                event.forwardTo(DistrictNotEnabledView.class); // it says why the district cannot be used
            }
        });
    }
}
