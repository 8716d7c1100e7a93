package app.cascade.ui;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.KaribuSession;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: a forbidden or unknown address shows a page inside the app layout with a way home; the header's words. */
@CascadeIntegrationTest
class AppShellKaribuIT {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void close() {
        KaribuSession.close();
    }

    @Test
    void a_viewer_opening_the_push_tool_by_its_address_gets_the_access_denied_page_in_the_layout() {
        KaribuSession.open(context, "alpha.viewer");

        UI.getCurrent().navigate("push-all-course-masters");

        assertThat(_find(AccessDeniedView.class)).hasSize(1);
        assertThat(_get(AccessDeniedView.class).getParent()).isPresent();
        assertThat(_find(MainLayout.class)).hasSize(1);
        assertThat(get_textRecursively(_get(AccessDeniedView.class))).contains("You have no access to this page")
                .doesNotContain("Could not navigate");
        assertThat(_find(Button.class, spec -> spec.withId("push-run-now"))).isEmpty();
    }

    @Test
    void the_access_denied_page_leads_back_home_to_the_users_first_view() {
        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate("push-all-course-masters");

        RouterLink home = _get(RouterLink.class, spec -> spec.withId("access-denied-home"));
        assertThat(home.getHref()).isEmpty();
        UI.getCurrent().navigate(home.getHref());

        assertThat(NavigatorKt.getCurrentPath()).isEqualTo(HomeView.DISTRICT_LANDING);
        assertThat(_find(AccessDeniedView.class)).isEmpty();
    }

    @Test
    void the_header_says_sign_out_in_words_and_to_screen_readers_and_names_the_user_and_district() {
        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate("catalogs");

        Button signOut = _get(Button.class, spec -> spec.withId("sign-out"));
        assertThat(signOut.getAriaLabel()).contains("Sign out");
        assertThat(get_textRecursively(signOut)).contains("Sign out");
        assertThat(_get(Span.class, spec -> spec.withId("header-user")).getText()).isEqualTo("Alpha Viewer");
        assertThat(_get(Span.class, spec -> spec.withId("header-district")).getText())
                .isEqualTo("Alpha Test District");
        assertThat(_get(Span.class, spec -> spec.withClasses("cascade-sign-out-label")).getText())
                .isEqualTo("Sign out");
    }
}
