package app.cascade.security.ui;

import app.cascade.security.CurrentUser;
import app.cascade.security.CurrentUserService;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import java.util.Comparator;

/** A user who belongs to several districts picks the one this session works in. */
@Route(value = "choose-district", autoLayout = false)
@PageTitle("Choose a district | Cascade")
@PermitAll
public class ChooseDistrictView extends VerticalLayout {

    ChooseDistrictView(CurrentUserService users, TenantRegistry registry) {
        addClassName("cascade-view");
        add(new H2("Choose a district"),
                new Paragraph("You belong to several districts. Everything you see and do in this session applies "
                        + "to the district you choose here; sign out to switch."));
        CurrentUser user = users.current().orElseThrow();
        user.districts().stream().map(registry::find).flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(Tenant::displayName))
                .forEach(tenant -> {
                    Button choose = new Button(tenant.displayName(), e -> {
                        users.chooseDistrict(tenant.id());
                        // into the app at its root (the first view of the user's role), with the chosen district
                        getUI().ifPresent(ui -> ui.navigate(""));
                    });
                    choose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    choose.setId("choose-" + tenant.id());
                    add(choose);
                });
    }
}
