package app.cascade.security;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.KaribuSession;
import app.cascade.security.ui.ChooseDistrictView;
import app.cascade.tenancy.CurrentTenant;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The district comes from the signed-in user: after a choice, and on threads that only have the Vaadin session. */
@CascadeIntegrationTest
class DistrictBindingKaribuIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    CurrentTenant currentTenant;
    @Autowired
    CurrentUserService users;

    @AfterEach
    void close() {
        KaribuSession.close();
    }

    @Test
    void a_user_of_several_districts_chooses_one_after_sign_in_and_works_in_it() {
        KaribuSession.open(context, "both.admin");
        assertThat(currentTenant.id()).isEmpty();

        UI.getCurrent().navigate("catalogs");
        NavigatorKt.expectView(ChooseDistrictView.class);
        _get(Button.class, spec -> spec.withId("choose-beta")).click();

        assertThat(currentTenant.id()).contains("beta");
        assertThat(users.current().orElseThrow().activeDistrict()).contains("beta");
        assertThat(users.current().orElseThrow().districts()).containsExactlyInAnyOrder("alpha", "beta");
    }

    @Test
    void a_user_of_no_known_district_gets_the_district_not_enabled_page_and_no_data() {
        KaribuSession.open(context, "stranger");
        assertThat(currentTenant.id()).isEmpty();

        UI.getCurrent().navigate("catalogs");
        NavigatorKt.expectView(app.cascade.security.ui.DistrictNotEnabledView.class);
        UI.getCurrent().navigate("");
        NavigatorKt.expectView(app.cascade.security.ui.DistrictNotEnabledView.class);
    }

    @Test
    void a_district_the_user_is_not_a_member_of_cannot_be_chosen() {
        KaribuSession.open(context, "alpha.admin");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.chooseDistrict("beta"))
                .isInstanceOf(app.cascade.tenancy.UnknownTenantException.class);
        assertThat(currentTenant.id()).contains("alpha");
    }

    @Test
    void ui_access_from_another_thread_resolves_the_district_from_the_vaadin_session_alone() throws Exception {
        KaribuSession.open(context, "alpha.viewer");
        SecurityContext signedIn = SecurityContextHolder.getContext();
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn);
        UI ui = UI.getCurrent();
        AtomicReference<Optional<String>> seenInAccess = new AtomicReference<>();

        Optional<String> plainThread = CompletableFuture.supplyAsync(currentTenant::id).get(10, TimeUnit.SECONDS);
        VaadinSession session = VaadinSession.getCurrent();
        session.unlock();
        try {
            CompletableFuture.runAsync(() -> ui.accessSynchronously(() -> seenInAccess.set(currentTenant.id())))
                    .get(10, TimeUnit.SECONDS);
        } finally {
            session.lock();
        }

        assertThat(plainThread).as("a thread with neither a user nor a Vaadin session has no district").isEmpty();
        assertThat(seenInAccess.get()).as("UI.access / server push").contains("alpha");
    }

}
