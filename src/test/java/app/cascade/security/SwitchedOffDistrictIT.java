package app.cascade.security;

import app.cascade.ApiClient;
import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.KaribuSession;
import app.cascade.security.ui.DistrictNotEnabledView;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a district switched off in its tenant file ({@code enabled: false}) refuses its users — in the app, which
 * names it, and in the API, with a 403 problem of its own — from their next call on, and a user of several districts
 * keeps the others. Switched on again, it is served as before.
 */
@CascadeIntegrationTest
class SwitchedOffDistrictIT {

    static final String SWITCHED_OFF = "https://cascade.app/problems/district-switched-off";

    @Autowired
    TenantRegistry registry;
    @Autowired
    ApplicationContext context;
    @Autowired
    CurrentTenant currentTenant;
    @LocalServerPort
    int port;

    private List<Tenant> before;
    private ApiClient api;

    @BeforeEach
    void switchBetaOff() {
        api = new ApiClient(port);
        before = List.copyOf(registry.all());
        registry.update(before.stream().map(t -> t.id().equals("beta") ? new Tenant(t.id(), t.displayName(),
                t.schema(), t.organization(), t.timeZone(), t.batchReporting(), t.notificationSender(),
                t.sourceFile(), false, t.maxRunningPushes()) : t).toList());
    }

    @AfterEach
    void switchBack() {
        KaribuSession.close();
        registry.update(before);
    }

    @Test
    void the_api_refuses_a_switched_off_district_with_a_problem_naming_it_and_serves_it_again_once_switched_on() {
        JsonNode problem = api.problem(api.get("beta.push", "/api/v1/school-years"), 403);
        assertThat(problem.get("type").asString()).isEqualTo(SWITCHED_OFF);
        assertThat(problem.get("detail").asString()).contains("beta").contains("switched off")
                .contains("data and queued pushes are kept");

        ResponseEntity<String> named = api.as("both.admin").get().uri("/api/v1/school-years")
                .header("X-Cascade-District", "beta").retrieve().toEntity(String.class);
        assertThat(api.problem(named, 403).get("type").asString()).isEqualTo(SWITCHED_OFF);
        assertThat(api.get("both.admin", "/api/v1/school-years").getStatusCode().value())
                .as("alpha is still theirs, and now their only district: no header needed").isEqualTo(200);
        assertThat(api.get("alpha.viewer", "/api/v1/school-years").getStatusCode().value()).isEqualTo(200);

        registry.update(before);

        assertThat(api.get("beta.push", "/api/v1/school-years").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void the_app_shows_a_user_of_a_switched_off_district_a_page_naming_it_and_binds_no_district() {
        KaribuSession.open(context, "beta.push");

        UI.getCurrent().navigate("catalogs");

        NavigatorKt.expectView(DistrictNotEnabledView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("district-switched-off")).getText())
                .startsWith(registry.require("beta").displayName() + " is switched off in Cascade");
        assertThat(currentTenant.id()).isEmpty();
    }
}
